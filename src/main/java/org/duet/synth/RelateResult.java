package org.duet.synth;

import java.util.List;

/**
 * The ranked candidates of a relate request (best first, at most the requested number). {@code timedOut} is true if
 * the time limit cut the search or the checking short (the candidates found so far are returned); {@code message}
 * says in words why there are no candidates, or that the limit was hit; it is empty otherwise.
 */
public record RelateResult(List<Candidate> candidates, boolean timedOut, String message) {}
