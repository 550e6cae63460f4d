package org.duet.lang;

/**
 * How a run-time number was computed: a location (a literal of the program) or a numeric operator applied to the
 * traces of its operands. Implemented by {@link Loc} and {@code org.duet.eval.OpTrace}.
 */
public interface Trace {}
