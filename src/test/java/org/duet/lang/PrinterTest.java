package org.duet.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.duet.Corpus;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The layout-preserving printer: byte-exact round trips, and edits that change only the edited numerals. */
class PrinterTest {
    static Program parse(String text) {
        return org.duet.eval.Interpreter.parse("test", text);
    }

    static List<Path> corpusPrograms() throws IOException {
        List<Path> out = new ArrayList<>(Corpus.programs());
        out.addAll(Corpus.examples());
        out.add(Corpus.projectDir().resolve("little-lang").resolve("prelude.little"));
        return out;
    }

    /** Checks round trip and single-numeral edits on one program text. */
    static void checkProgram(String text) {
        Program p = parse(text);
        assertThat(Printer.print(p)).isEqualTo(text);
        assertThat(Printer.print(p, Map.of())).isEqualTo(text);
        List<Loc> locs = p.locs();
        for (int i = 0; i < locs.size(); i++) assertThat(locs.get(i).id()).isEqualTo(i + 1);
        // change each numeral (a sample of them for long programs) and check only it changed
        int step = Math.max(1, locs.size() / 25);
        for (int i = 0; i < locs.size(); i += step) {
            Loc loc = locs.get(i);
            double nv = loc.value + 17.25;
            String edited = Printer.print(p, Map.of(loc.id(), nv));
            Source src = p.source();
            int os = src.originalOffset(loc.numStart), oe = src.originalOffset(loc.numEnd);
            assertThat(edited.substring(0, os)).isEqualTo(text.substring(0, os));
            assertThat(edited.substring(edited.length() - (text.length() - oe))).isEqualTo(text.substring(oe));
            Program q = parse(edited);
            assertThat(q.locs()).hasSameSizeAs(locs);
            Loc same = q.loc(loc.id());
            assertThat(same.value).isEqualTo(nv);
            assertThat(same.annotation).isEqualTo(loc.annotation);
            assertThat(same.range).isEqualTo(loc.range);
            assertThat(same.name()).isEqualTo(loc.name());
        }
        // change all of them at once, to negative values: still parses, every location has its new value
        if (!locs.isEmpty()) {
            Map<Integer, Double> all = new HashMap<>();
            for (Loc l : locs) all.put(l.id(), -(Math.abs(l.value) + 0.5));
            Program q = parse(Printer.print(p, all));
            for (Loc l : locs) assertThat(q.loc(l.id()).value).isEqualTo(-(Math.abs(l.value) + 0.5));
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCorpusProgramRoundTripsByteForByte() throws IOException {
        return corpusPrograms().stream()
                .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
                    String text = Files.readString(f);
                    Path failure = f.resolveSibling(f.getFileName().toString().replace(".little", ".sns-error.txt"));
                    if (Files.exists(failure) && Files.readString(failure).contains("no parse")) {
                        // v0.5.2 could not parse it either; Duet must refuse it too
                        org.assertj.core.api.Assertions.assertThatThrownBy(() -> parse(text))
                                .isInstanceOf(DuetException.class);
                        return;
                    }
                    checkProgram(text);
                    // the same program with CR LF line ends, and with lone CRs
                    checkProgram(text.replace("\n", "\r\n"));
                }));
    }

    @Test
    void generatedProgramsRoundTrip() {
        for (long seed = 1; seed <= 400; seed++) {
            ProgramGenerator g = new ProgramGenerator(seed, seed % 3 == 0);
            String program = g.program();
            try {
                checkProgram(program);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("seed " + seed + ", program:\n" + program, e);
            }
        }
    }

    @Test
    void commentsBlankLinesAndOddSpacingSurvive() {
        String text = "; leading comment\n\n# unannotated-numbers: n!\n(def  [a b]\t[1 2.50])\n\n\n"
                + "; before\n(svg [ (rect 'red'  a   b  3!{0-10} 4?) ])\n";
        checkProgram(text);
        Program p = parse(text);
        assertThat(p.unannotatedFrozen()).isTrue();
        assertThat(p.locs().get(0).name()).isEqualTo("a");
        assertThat(p.locs().get(1).name()).isEqualTo("b");
        assertThat(p.locs().get(2).range).isEqualTo(new Loc.Range(0, 10));
        String edited = Printer.print(p, Map.of(3, 7.0, 2, 2.0));
        assertThat(edited).isEqualTo(text.replace("2.50", "2").replace("3!{0-10}", "7!{0-10}"));
    }

    @Test
    void negativeValuesAfterSymbolsGetASpace() {
        String text = "(+1 2)";
        Program p = parse(text);
        String edited = Printer.print(p, Map.of(1, -5.0));
        assertThat(edited).isEqualTo("(+ -5 2)");
        assertThat(parse(edited).loc(1).value).isEqualTo(-5.0);
    }

    @Test
    void numeralsAreWrittenShortAndPlain() {
        assertThat(Printer.numeral(3)).isEqualTo("3");
        assertThat(Printer.numeral(-0.5)).isEqualTo("-0.5");
        assertThat(Printer.numeral(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(Printer.numeral(1e21)).isEqualTo("1000000000000000000000");
        assertThat(Printer.numeral(1.5e-7)).isEqualTo("0.00000015");
        assertThat(Printer.numeral(-0.0)).isEqualTo("0");
    }
}
