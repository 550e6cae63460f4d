package org.duet.eval;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.duet.lang.Expr;
import org.duet.lang.Parser;
import org.duet.lang.Program;
import org.duet.lang.Source;

/**
 * The prelude: parsed and evaluated once per process, in an empty environment; the bindings in force at its last
 * expression are the initial environment of every program. Its locations are frozen.
 * <p>It is read from the class path ({@code org/duet/prelude.little}, copied there from
 * {@code little-lang/prelude.little} by the build), or from the file named by the environment variable
 * {@code DUET_PRELUDE} when that is set (for working on the prelude without rebuilding).
 */
public final class Prelude {
    public static final String RESOURCE = "org/duet/prelude.little";

    private final Program program;
    private final Env env;

    private Prelude(Program program, Env env) {
        this.program = program;
        this.env = env;
    }

    private static final class Holder {
        static final Prelude INSTANCE = load();
    }

    public static Prelude get() {
        return Holder.INSTANCE;
    }

    public Program program() {
        return program;
    }

    public Env env() {
        return env;
    }

    public static String text() {
        String override = System.getenv("DUET_PRELUDE");
        try {
            if (override != null && !override.isEmpty()) return Files.readString(Path.of(override));
            try (InputStream in = Prelude.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null)
                    throw new IllegalStateException("the prelude " + RESOURCE + " is not on the class path");
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the prelude: " + e.getMessage(), e);
        }
    }

    private static Prelude load() {
        return Runner.call(() -> {
            Program p = Parser.parse(new Source("prelude.little", text()), true);
            Evaluator ev = new Evaluator(Limits.DEFAULT);
            Env env = Env.EMPTY;
            Expr e = p.root();
            while (true) {
                if (e instanceof Expr.Let) {
                    Expr.Let let = (Expr.Let) e;
                    env = ev.bindOnly(let, env);
                    e = let.body;
                } else if (e instanceof Expr.TypeDecl) {
                    e = ((Expr.TypeDecl) e).body;
                } else if (e instanceof Expr.Comment) {
                    e = ((Expr.Comment) e).body;
                } else if (e instanceof Expr.Option) {
                    e = ((Expr.Option) e).body;
                } else {
                    break;
                }
            }
            ev.eval(e, env); // the prelude's own final expression must evaluate too
            return new Prelude(p, env);
        });
    }
}
