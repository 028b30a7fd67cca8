package io.groupdeal.application.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.groupdeal.application.problem.InvalidInput;
import io.groupdeal.domain.shared.Ids;
import io.groupdeal.domain.store.StoreRepository;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OwnStoresTest {

    private final StoreRepository stores = mock(StoreRepository.class);

    @Test
    void eachOwnStoreOnceInTheOrderNamed() {
        String a = Ids.newId();
        String b = Ids.newId();
        when(stores.existing(List.of(b, a))).thenReturn(List.of(a, b));

        assertEquals(List.of(b, a), new ArrayList<>(OwnStores.require(stores, List.of(b, a, b))));
    }

    @Test
    void aStoreTheTenantDoesNotHaveIsRefusedAndAMalformedIdIsNeverQueried() {
        String own = Ids.newId();
        when(stores.existing(List.of(own))).thenReturn(List.of(own));

        InvalidInput refused = assertThrows(
                InvalidInput.class, () -> OwnStores.require(stores, Arrays.asList(own, "x".repeat(50), null)));

        assertEquals("storeIds", refused.errors().get(0).field());
        assertTrue(
                String.valueOf(refused.errors().get(0).args().get(0)).endsWith("…"),
                "a long id is cut: " + refused.errors());
        verify(stores).existing(List.of(own));
    }

    @Test
    void noStoresAreNoStores() {
        assertEquals(Set.of(), OwnStores.require(stores, null));
    }
}
