package io.groupdeal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * No tenant ever sees or touches another tenant's stores or staff: every route answers another tenant's id exactly
 * like an id that does not exist, and changes nothing; lists show only the caller's own data.
 */
// Alongside other test classes (see deal-web's POM); its own tests one after another.
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("TenantIsolationIT")
class TenantIsolationIT extends DeployedApp {

    /** Well formed, never issued. */
    private static final String MISSING_ID = "01AAAAAAAAAAAAAAAAAAAAAAAA";

    private Fixtures.Merchant owner;
    private Fixtures.Merchant intruder;
    private JsonObject store;
    private JsonObject staff;

    @BeforeEach
    void setUp() {
        owner = fixtures.merchant("Owner Bakery");
        intruder = fixtures.merchant("Intruder Grill");
        store = fixtures.newStore(owner.token(), "Owner Bakery Central");
        staff = fixtures.newStaff(owner.token(), List.of(store.getString("id")));
        fixtures.newStore(intruder.token(), "Intruder Grill Main");
    }

    @Test
    void listsShowOnlyTheCallersData() {
        JsonObject stores = http.get("api/v1/stores", intruder.token()).json();
        assertEquals(1, stores.getInt("total"));
        assertEquals(
                "Intruder Grill Main",
                stores.getJsonArray("items").getJsonObject(0).getString("name"));
        assertEquals(0, http.get("api/v1/staff", intruder.token()).json().getInt("total"));

        JsonObject own = http.get("api/v1/stores", owner.token()).json();
        assertEquals(1, own.getInt("total"));
        assertEquals(1, http.get("api/v1/staff", owner.token()).json().getInt("total"));
    }

    @Test
    void anotherTenantsStoreIsAnsweredLikeAMissingOne() {
        String id = store.getString("id");
        assertSameAsMissing("GET", "api/v1/stores/" + id, "api/v1/stores/" + MISSING_ID, null);
        assertSameAsMissing("PUT", "api/v1/stores/" + id, "api/v1/stores/" + MISSING_ID, Fixtures.store("Hijacked"));
        assertSameAsMissing("DELETE", "api/v1/stores/" + id, "api/v1/stores/" + MISSING_ID, null);

        Reply unchanged = http.get("api/v1/stores/" + id, owner.token());
        assertEquals(200, unchanged.status());
        assertEquals("Owner Bakery Central", unchanged.json().getString("name"));
    }

    @Test
    void anotherTenantsStaffIsAnsweredLikeAMissingOne() {
        String id = staff.getString("id");
        String update = Fixtures.staff(Fixtures.uniqueEmail("hijack"), List.of(store.getString("id")));
        assertSameAsMissing("GET", "api/v1/staff/" + id, "api/v1/staff/" + MISSING_ID, null);
        assertSameAsMissing("PUT", "api/v1/staff/" + id, "api/v1/staff/" + MISSING_ID, update);
        assertSameAsMissing("DELETE", "api/v1/staff/" + id, "api/v1/staff/" + MISSING_ID, null);

        Reply unchanged = http.get("api/v1/staff/" + id, owner.token());
        assertEquals(200, unchanged.status());
        assertEquals(staff.getString("email"), unchanged.json().getString("email"));
        assertEquals(
                List.of(store.getString("id")),
                unchanged.json().getJsonArray("storeIds").getValuesAs(JsonValue::toString).stream()
                        .map(s -> s.replace("\"", ""))
                        .toList());
    }

    @Test
    void staffCannotBeAssignedToAnotherTenantsStore() {
        String foreign = Fixtures.staff(Fixtures.uniqueEmail("sneaky"), List.of(store.getString("id")));
        String missing = Fixtures.staff(Fixtures.uniqueEmail("sneaky"), List.of(MISSING_ID));
        Reply foreignReply = http.post("api/v1/staff", foreign, intruder.token());
        Reply missingReply = http.post("api/v1/staff", missing, intruder.token());
        assertEquals(400, foreignReply.status(), foreignReply::toString);
        assertEquals("validation", foreignReply.problem());
        assertEquals(
                missingReply.body().replace(MISSING_ID, "ID"),
                foreignReply.body().replace(store.getString("id"), "ID"));
        assertEquals(0, http.get("api/v1/staff", intruder.token()).json().getInt("total"));

        JsonObject ownStore = http.get("api/v1/stores", intruder.token())
                .json()
                .getJsonArray("items")
                .getJsonObject(0);
        String ownStaffId = fixtures.newStaff(intruder.token(), List.of(ownStore.getString("id")))
                .getString("id");
        Reply moved = http.put(
                "api/v1/staff/" + ownStaffId,
                Fixtures.staff(Fixtures.uniqueEmail("moved"), List.of(store.getString("id"))),
                intruder.token());
        assertEquals(400, moved.status(), moved::toString);
        assertEquals(
                List.of(ownStore.getString("id")),
                http
                        .get("api/v1/staff/" + ownStaffId, intruder.token())
                        .json()
                        .getJsonArray("storeIds")
                        .getValuesAs(JsonValue::toString)
                        .stream()
                        .map(s -> s.replace("\"", ""))
                        .toList());
    }

    @Test
    void staffOfAnotherTenantCannotUseMerchantRoutes() {
        String staffToken = fixtures.token(staff.getString("email"), Fixtures.PASSWORD);
        Reply reply = http.get("api/v1/stores", staffToken);
        assertEquals(403, reply.status());
        assertTrue(reply.contentType().startsWith("application/problem+json"));
    }

    private void assertSameAsMissing(String method, String foreignPath, String missingPath, String body) {
        Reply foreign =
                http.send(method, foreignPath, body, intruder.token(), body == null ? null : "application/json");
        Reply missing =
                http.send(method, missingPath, body, intruder.token(), body == null ? null : "application/json");
        assertEquals(404, foreign.status(), () -> method + " " + foreignPath + " → " + foreign);
        assertEquals(missing.status(), foreign.status());
        assertEquals(
                missing.body(), foreign.body(), method + " answers another tenant's id differently from a missing one");
        assertEquals("not-found", foreign.problem());
    }
}
