# Duet: build with Maven (the frontend bundle is committed, so no npm is needed unless the frontend changed),
# run on a JRE. The workspace (the documents) is a volume.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline || true
COPY . .
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/target/duet.jar /app/duet.jar
COPY --from=build /src/target/lib /app/lib
RUN mkdir -p /data/workspace
VOLUME /data/workspace
EXPOSE 8080
ENTRYPOINT ["java", "-cp", "/app/duet.jar:/app/lib/*", "org.duet.app.Main"]
CMD ["serve", "--host", "0.0.0.0", "--port", "8080", "--workspace", "/data/workspace"]
