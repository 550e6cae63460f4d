package org.duet.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.duet.lang.DuetException;
import org.duet.svg.Renderer;
import org.junit.jupiter.api.Test;

/** The mutator and the generator make varied, mostly valid programs, and the same seed makes the same inputs. */
class MutatorTest {
    @Test
    void theSeedsIncludeTheCorpusTheExamplesAndGeneratedPrograms() {
        Seeds s = Seeds.get();
        assertThat(s.all.stream().filter(x -> x.name().startsWith("corpus/")).count())
                .isGreaterThanOrEqualTo(60);
        assertThat(s.all.stream().filter(x -> x.name().startsWith("generated/")).count())
                .isEqualTo(40);
        assertThat(s.all.stream().filter(x -> x.program() != null).count()).isGreaterThan(s.all.size() * 9 / 10);
    }

    @Test
    void theSameSeedGivesTheSameInputs() {
        Mutator m = new Mutator(Seeds.get());
        for (long seed = 0; seed < 50; seed++) {
            Mutator.Mutant a = m.mutant(Choices.of(new Random(seed))), b = m.mutant(Choices.of(new Random(seed)));
            assertThat(a.text()).isEqualTo(b.text());
            assertThat(a.steps()).isEqualTo(b.steps());
        }
    }

    @Test
    void mutantsAreVariedAndTreeMutantsMostlyParse() {
        Mutator m = new Mutator(Seeds.get());
        Set<String> texts = new HashSet<>();
        int mutated = 0, treeOnly = 0, treeParsed = 0;
        Set<String> kinds = new HashSet<>();
        for (long seed = 0; seed < 600; seed++) {
            Mutator.Mutant x = m.mutant(Choices.of(new Random(seed)));
            texts.add(x.text());
            if (x.steps().isEmpty()) continue;
            mutated++;
            for (String step : x.steps()) kinds.add(step.replaceAll("[@ ].*", ""));
            boolean bytes =
                    x.steps().stream().anyMatch(st -> st.matches("(insert|delete|overwrite|copy|truncate|flip)@.*"));
            if (!bytes) {
                treeOnly++;
                if (Mutator.parse(x.text()) != null) treeParsed++;
            }
        }
        assertThat(texts.size()).isGreaterThan(500);
        assertThat(mutated).isGreaterThan(450);
        assertThat(kinds)
                .contains(
                        "replace",
                        "numeral",
                        "number",
                        "operator",
                        "name",
                        "duplicate",
                        "delete",
                        "wrap",
                        "annotation",
                        "add",
                        "string",
                        "element",
                        "nest",
                        "recursion",
                        "insert",
                        "flip",
                        "truncate");
        assertThat(treeParsed).as("tree-level mutants that parse").isGreaterThan(treeOnly / 2);
    }

    @Test
    void generatedProgramsMostlyDraw() {
        int drawn = 0;
        for (long seed = 0; seed < 100; seed++) {
            String p = new DrawingGenerator(Choices.of(new Random(seed))).program();
            try {
                if (!Renderer.render("g.little", p).canvas.elements().isEmpty()) drawn++;
            } catch (DuetException e) {
                // some generated programs are wrong on purpose (negative sizes, NaN) — most are not
            }
        }
        assertThat(drawn).isGreaterThan(60);
    }
}
