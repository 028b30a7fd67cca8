package io.groupdeal.interfaces.security;

import io.groupdeal.application.security.Caller;
import io.groupdeal.application.security.TokenAuthentication;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;

/**
 * Checks a bearer token against the stored hashes: one statement reads the token with its account and tenant
 * ({@link TokenAuthentication}), with no EJB call and no transaction around it, on every authenticated request. The
 * caller principal is the account id and its one group is the account's role; the account, with what the request
 * needs of its tenant, is remembered for the rest of the request ({@link Caller}).
 */
@ApplicationScoped
public class TokenIdentityStore implements IdentityStore {

    @Inject
    private TokenAuthentication authentication;

    @Inject
    private Caller caller;

    /**
     * The one kind of credential this store knows, dispatched directly: the interface's default binds a method handle
     * by reflection on every call (every authenticated request).
     */
    @Override
    public CredentialValidationResult validate(Credential credential) {
        return credential instanceof TokenCredential token
                ? validate(token)
                : CredentialValidationResult.NOT_VALIDATED_RESULT;
    }

    public CredentialValidationResult validate(TokenCredential credential) {
        return authentication
                .authenticate(credential.token())
                .map(account -> {
                    caller.authenticated(account);
                    return new CredentialValidationResult(
                            new CallerPrincipal(account.accountId()),
                            Set.of(account.role().name()));
                })
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return Set.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS);
    }
}
