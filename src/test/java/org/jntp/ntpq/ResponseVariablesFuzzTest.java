package org.jntp.ntpq;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer target for how ntpq reads a server's response data: any octets split into variables
 * without throwing, no name or value longer than ntpq keeps, and no more variables than octets.
 */
class ResponseVariablesFuzzTest {

    @FuzzTest
    void splitsAnyResponseDataIntoVariablesNtpqKeeps(byte[] data) {
        var variables = ResponseVariables.parse(data);

        assertThat(variables.size()).isLessThanOrEqualTo(data.length);
        assertThat(variables).allSatisfy(variable -> {
            assertThat(variable.name()).isNotEmpty().hasSizeLessThan(256);
            assertThat(variable.value()).hasSizeLessThan(2048);
        });
    }
}
