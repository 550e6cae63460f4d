package org.duet.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;

/** The fuzzer's bytes as choices (a byte source that runs dry answers 0, the first choice). */
final class JazzerChoices implements Choices {
    private final FuzzedDataProvider data;

    JazzerChoices(FuzzedDataProvider data) {
        this.data = data;
    }

    @Override
    public int pick(int n) {
        return n <= 1 ? 0 : data.consumeInt(0, n - 1);
    }

    @Override
    public double anyDouble() {
        return data.consumeDouble();
    }

    @Override
    public String anyString(int maxLength) {
        return data.consumeString(maxLength);
    }
}
