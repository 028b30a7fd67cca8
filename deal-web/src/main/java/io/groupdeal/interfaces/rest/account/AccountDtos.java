package io.groupdeal.interfaces.rest.account;

import io.groupdeal.application.account.IssuedToken;
import io.groupdeal.application.security.CallerAccount;
import io.groupdeal.domain.account.Account;
import io.groupdeal.domain.tenant.Tenant;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** The JSON shapes of the account resources. Lengths are capped here; formats are checked by the domain. */
public final class AccountDtos {

    private AccountDtos() {}

    public record MerchantSignupRequest(
            @NotBlank @Size(max = 120) String businessName,
            @NotBlank @Size(max = 254) String email,
            @NotBlank @Size(max = 200) String password) {}

    public record MerchantDto(String tenantId, String businessName, String status) {
        static MerchantDto of(Tenant tenant) {
            return new MerchantDto(
                    tenant.id(), tenant.businessName(), tenant.status().name());
        }
    }

    public record BuyerSignupRequest(
            @NotBlank @Size(max = 254) String email,
            @NotBlank @Size(max = 200) String password,
            @NotBlank @Size(max = 120) String name) {}

    public record BuyerDto(String id, String email, String name) {
        static BuyerDto of(Account account) {
            return new BuyerDto(account.id(), account.email().value(), account.name());
        }
    }

    public record TokenRequest(
            @NotBlank @Size(max = 254) String email,
            @NotBlank @Size(max = 200) String password) {}

    public record TokenDto(String token, Instant expiresAt, String role, String tenantId) {
        static TokenDto of(IssuedToken issued) {
            return new TokenDto(
                    issued.token(), issued.expiresAt(), issued.role().name(), issued.tenantId());
        }
    }

    public record MeDto(String id, String email, String name, String role, String tenantId, String tenantName) {
        static MeDto of(CallerAccount caller) {
            return new MeDto(
                    caller.accountId(),
                    caller.email(),
                    caller.name(),
                    caller.role().name(),
                    caller.tenantId(),
                    caller.tenantName());
        }
    }
}
