package org.duet.lang;

/** The built-in operators of little. They exist only as heads of parenthesised forms with exactly their arity. */
public enum Op {
    PI("pi", 0),
    EMPTY("empty", 0),
    COS("cos", 1),
    SIN("sin", 1),
    ARCCOS("arccos", 1),
    ARCSIN("arcsin", 1),
    FLOOR("floor", 1),
    CEILING("ceiling", 1),
    ROUND("round", 1),
    TO_STRING("toString", 1),
    SQRT("sqrt", 1),
    DEBUG("debug", 1),
    EXPLODE("explode", 1),
    PLUS("+", 2),
    MINUS("-", 2),
    MULT("*", 2),
    DIV("/", 2),
    LT("<", 2),
    EQ("=", 2),
    MOD("mod", 2),
    POW("pow", 2),
    ARCTAN2("arctan2", 2),
    GET("get", 2),
    REMOVE("remove", 2),
    INSERT("insert", 3);

    public final String word;
    public final int arity;

    Op(String word, int arity) {
        this.word = word;
        this.arity = arity;
    }

    /** Unary operator words in the parser's order of trial. */
    static final Op[] UNARY = {COS, SIN, ARCCOS, ARCSIN, FLOOR, CEILING, ROUND, TO_STRING, SQRT, DEBUG, EXPLODE};
    /** Symbolic binary operators (need a non-symbol character after them). */
    static final Op[] SYMBOLIC = {PLUS, MINUS, MULT, DIV, LT, EQ};
    /** Word binary operators (need white space after them). */
    static final Op[] WORD = {MOD, POW, ARCTAN2, GET, REMOVE};

    /** True if the result is a number computed from numbers (so it carries an operator trace). */
    public boolean numeric() {
        switch (this) {
            case EMPTY:
            case TO_STRING:
            case DEBUG:
            case EXPLODE:
            case LT:
            case EQ:
            case GET:
            case REMOVE:
            case INSERT:
                return false;
            default:
                return true;
        }
    }
}
