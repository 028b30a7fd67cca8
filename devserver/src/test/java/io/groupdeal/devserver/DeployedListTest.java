package io.groupdeal.devserver;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What ItServer reads from Payara Micro's description of itself: whether the boot deployed the application. */
class DeployedListTest {

    private static ItServer.DeployedList read(List<String> lines) {
        ItServer.DeployedList list = new ItServer.DeployedList();
        lines.forEach(list::read);
        return list;
    }

    @Test
    void aBootThatDeployedTheWarListsIt() {
        assertFalse(read(List.of(
                        "{",
                        "    \"Instance Configuration\": {",
                        "        \"Host\": \"127.0.0.1\",",
                        "        \"Deployed\": [",
                        "            {",
                        "                \"Name\": \"deal-web\",",
                        "                \"Type\": \"war\",",
                        "                \"Context Root\": \"/\"",
                        "            }",
                        "        ]",
                        "    }",
                        "}"))
                .isEmpty());
    }

    @Test
    void aBootWhoseDeploymentFailedListsNothing() {
        assertTrue(
                read(List.of("        \"Deployed\": [", "        ]", "    }")).isEmpty(), "pretty-printed");
        assertTrue(read(List.of("\"Deployed\": [],")).isEmpty(), "on one line");
    }

    @Test
    void nothingIsConcludedBeforeTheListIsPrinted() {
        assertFalse(read(List.of("Payara Micro is starting", "]")).isEmpty());
    }
}
