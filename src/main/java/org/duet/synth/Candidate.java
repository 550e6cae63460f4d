package org.duet.synth;

/** One ranked way of making a relation hold: its rank (1 = best), a one-line description and the new program. */
public record Candidate(int rank, String description, String program) {}
