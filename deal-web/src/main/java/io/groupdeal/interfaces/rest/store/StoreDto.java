package io.groupdeal.interfaces.rest.store;

import io.groupdeal.application.store.StoreDetails;
import io.groupdeal.domain.store.Store;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A store in and out: {@code {id, name, address, latitude, longitude, timeZone}}; the id is ignored on input. */
public record StoreDto(
        String id,
        @NotBlank @Size(max = 120) String name,
        @NotBlank @Size(max = 300) String address,
        @NotNull Double latitude,
        @NotNull Double longitude,
        @NotBlank @Size(max = 64) String timeZone)
        implements java.io.Serializable {

    public static StoreDto of(Store store) {
        return new StoreDto(
                store.id(),
                store.name(),
                store.address(),
                store.location().latitude(),
                store.location().longitude(),
                store.timeZone());
    }

    public StoreDetails details() {
        return new StoreDetails(name, address, latitude, longitude, timeZone);
    }
}
