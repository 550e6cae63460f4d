package org.duet.eval;

/** An environment: an immutable stack of bindings, innermost first. Names are interned. */
public final class Env {
    public static final Env EMPTY = new Env(null, null, null);
    public final String name;
    public final Value value;
    public final Env next;

    private Env(String name, Value value, Env next) {
        this.name = name;
        this.value = value;
        this.next = next;
    }

    public Env bind(String name, Value value) {
        return new Env(name, value, this);
    }

    /** The innermost binding of an interned name, or null. */
    public Value lookup(String name) {
        for (Env e = this; e.name != null; e = e.next) if (e.name == name) return e.value;
        return null;
    }
}
