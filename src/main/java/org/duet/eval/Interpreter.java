package org.duet.eval;

import java.util.List;
import org.duet.lang.Parser;
import org.duet.lang.Program;
import org.duet.lang.Source;

/** Parsing and evaluation of user programs, on big-stack threads, in the prelude's environment. */
public final class Interpreter {
    private Interpreter() {}

    /** The value of a program and what it printed with debug. */
    public static final class Result {
        public final Program program;
        public final Value value;
        public final List<String> debugLog;
        /** Point widgets ({@code (e : Point)} pairs of numbers). */
        public final List<Value.Num[]> points;

        public final long steps;

        Result(Program program, Value value, List<String> debugLog, List<Value.Num[]> points, long steps) {
            this.points = points;
            this.program = program;
            this.value = value;
            this.debugLog = debugLog;
            this.steps = steps;
        }
    }

    public static Program parse(String name, String text) {
        return Runner.call(() -> Parser.parse(new Source(name, text)));
    }

    public static Result run(Program program, Limits limits) {
        Prelude prelude = Prelude.get();
        return Runner.call(() -> {
            Evaluator ev = new Evaluator(limits);
            Value v = ev.eval(program.root(), prelude.env());
            return new Result(program, v, ev.debugLog(), ev.points(), ev.steps());
        });
    }

    /** Applies a function value to arguments (used to show slide 1 of slide-show programs). */
    public static Value apply(Value f, Limits limits, Value... args) {
        return Runner.call(() -> {
            Evaluator ev = new Evaluator(limits);
            Value r = f;
            for (Value a : args) r = ev.apply(r, a, null);
            return r;
        });
    }
}
