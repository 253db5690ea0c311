package org.jntp.protocol.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VariableListTest {

    private static Variable word(String name, String value) {
        return new Variable(name, new VariableValue.Word(value));
    }

    @Test
    void writesNothingForNoVariables() {
        assertThat(VariableList.format(List.of())).isEmpty();
    }

    @Test
    void joinsItemsWithCommaAndSpace() {
        assertThat(VariableList.format(List.of(word("leap", "3"), word("stratum", "9")))).isEqualTo("leap=3, stratum=9");
    }

    @Test
    void breaksTheLineWhenTheNextItemWouldReach72Characters() {
        // 60 characters on the line, then the comma: 61; an item of 10 makes 61 + 10 + 1 = 72
        String first = "a=" + "x".repeat(58);

        assertThat(VariableList.format(List.of(word("a", "x".repeat(58)), word("b", "12345678"))))
                .isEqualTo(first + ",\r\nb=12345678");
        assertThat(VariableList.format(List.of(word("a", "x".repeat(58)), word("b", "1234567"))))
                .isEqualTo(first + ", b=1234567");
    }

    @Test
    void countsTheNewLineFromTheBreak() {
        String text = VariableList.format(List.of(word("a", "x".repeat(70)), word("b", "y".repeat(60)), word("c", "z")));

        assertThat(text).isEqualTo("a=" + "x".repeat(70) + ",\r\nb=" + "y".repeat(60) + ", c=z");
    }

    @Test
    void keepsEveryLineBeforeItsCommaUnder72CharactersUnlessOneItemIsLonger() {
        Random random = new Random(72);
        for (int round = 0; round < 500; round++) {
            List<Variable> variables = new ArrayList<>();
            for (int i = random.nextInt(30); i > 0; i--) {
                variables.add(word("v" + i, "x".repeat(random.nextInt(40))));
            }
            for (String line : VariableList.format(variables).split("\r\n")) {
                String items = line.endsWith(",") ? line.substring(0, line.length() - 1) : line;
                assertThat(items.length() < VariableList.MAX_LINE_LENGTH || !items.contains(", ")).as(line).isTrue();
            }
        }
    }
}
