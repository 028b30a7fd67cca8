package io.groupdeal.interfaces.rest.staff;

import io.groupdeal.application.staff.StaffDetails;
import io.groupdeal.application.staff.StaffView;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A staff member in and out: {@code {id, email, name, password, storeIds}}; the password is write-only
 * (null on the way out, and JSON-B leaves nulls out). */
public record StaffDto(
        String id,
        @NotBlank @Size(max = 254) String email,
        @NotBlank @Size(max = 120) String name,
        @Size(max = 200) String password,
        @NotNull @Size(min = 1, max = 100) List<@NotBlank @Size(max = 26) String> storeIds) {

    public static StaffDto of(StaffView view) {
        return new StaffDto(view.id(), view.email(), view.name(), null, view.storeIds());
    }

    public StaffDetails details() {
        return new StaffDetails(email, name, password, storeIds);
    }
}
