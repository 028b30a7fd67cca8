package io.groupdeal.application.account;

import io.groupdeal.application.problem.BadCredentials;
import io.groupdeal.application.problem.Clash;
import io.groupdeal.application.security.BearerTokens;
import io.groupdeal.application.security.Caller;
import io.groupdeal.application.security.CallerAccount;
import io.groupdeal.application.security.HashingGate;
import io.groupdeal.application.security.Lockouts;
import io.groupdeal.application.security.PasswordHasher;
import io.groupdeal.application.security.Throttle;
import io.groupdeal.domain.account.Account;
import io.groupdeal.domain.account.AccountRepository;
import io.groupdeal.domain.account.EmailAddress;
import io.groupdeal.domain.account.Role;
import io.groupdeal.domain.shared.Language;
import io.groupdeal.domain.tenant.Tenant;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;

/**
 * Accounts and tokens. An email belongs to one account across the platform. Login answers the same for an unknown
 * email, a wrong password and a suspended merchant, and spends the same time on each. Logins and sign-ups are
 * throttled ({@link Throttle}) and bounded ({@link HashingGate}) before any password is hashed, and hash outside
 * any transaction. A token works until it expires or is revoked, and stops working at once when its merchant is
 * suspended.
 */
@Stateless
@PermitAll
public class AccountService {

    @Inject
    private AccountRepository accounts;

    @Inject
    private PasswordHasher passwords;

    @Inject
    private HashingGate hashing;

    @EJB
    private Throttle throttle;

    @Inject
    private Lockouts lockouts;

    @EJB
    private AccountRecords records;

    @Inject
    private Caller caller;

    @Inject
    private Clock clock;

    /**
     * A new business and its admin. Cheap checks first; then, holding a hashing permit, the client address's
     * throttle, the email's availability and the hash (outside any transaction); then the writes.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Tenant signUpMerchant(MerchantSignup signup, String clientAddress) {
        EmailAddress email = new EmailAddress(signup.email());
        Tenant tenant = new Tenant(signup.businessName(), clock.instant());
        Account admin = withNewPassword(
                signup.password(),
                clientAddress,
                email,
                hash -> new Account(
                        email, tenant.businessName(), hash, Role.MERCHANT_ADMIN, tenant.id(), clock.instant()));
        records.addMerchant(tenant, admin);
        return tenant;
    }

    /** A buyer's account, as {@link #signUpMerchant}. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Account signUpBuyer(BuyerSignup signup, String clientAddress) {
        EmailAddress email = new EmailAddress(signup.email());
        Account buyer = withNewPassword(
                signup.password(),
                clientAddress,
                email,
                hash -> new Account(email, signup.name(), hash, Role.BUYER, null, clock.instant()));
        records.addAccount(buyer);
        return buyer;
    }

    /** Creates the platform operator when no account has this email yet; used at startup. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void ensureOperator(String email, String password) {
        EmailAddress address = new EmailAddress(email);
        if (records.credentials(address).isEmpty()) {
            String hash = passwords.hashNew(password, "DEAL_ADMIN_PASSWORD");
            records.addAccount(
                    new Account(address, "Platform operator", hash, Role.PLATFORM_ADMIN, null, clock.instant()));
        }
    }

    /**
     * A token for the right password. An email or client address this instance already saw locked is answered 429 at
     * once ({@link Lockouts}). Holding a hashing permit: the throttle counts the attempt (429 when the email
     * or the client address has none left, before anything is hashed), a short transaction reads the account, and
     * the password is checked outside any transaction: against a decoy for an unknown email, so that it costs the
     * same time. An unknown email, a wrong password and a suspended merchant all answer 401 {@code bad-credentials};
     * only the right password of an account that may log in gives its attempt back and gets a token.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public IssuedToken logIn(String email, String password, String clientAddress) {
        // A lock this instance already saw is answered from memory: no hashing turn, no row lock.
        lockouts.requireNoneForLogin(email, clientAddress);
        Login login = hashing.run(() -> {
            Throttle.Ticket ticket = throttle.admitLogin(email, clientAddress);
            Optional<Credentials> found =
                    EmailAddress.isValid(email) ? records.credentials(new EmailAddress(email)) : Optional.empty();
            if (found.isEmpty()) {
                passwords.matchNothing(password);
                return new Login(ticket, null);
            }
            boolean matches = passwords.matches(password, found.get().passwordHash());
            return new Login(ticket, matches && found.get().mayLogIn() ? found.get() : null);
        });
        if (login.account() == null) {
            throw new BadCredentials();
        }
        throttle.giveBack(login.ticket());
        return records.issueToken(login.account());
    }

    private record Login(Throttle.Ticket ticket, Credentials account) {}

    /** The account for a new password: checked, throttled and hashed as sign-ups are, nothing written yet. */
    private Account withNewPassword(
            String password,
            String clientAddress,
            EmailAddress email,
            java.util.function.Function<String, Account> account) {
        passwords.requireAcceptable(password, "password");
        // The account's own checks (its name) before anything costly; this one, without a hash, is dropped.
        account.apply("not hashed yet");
        lockouts.refusalOfAddress(clientAddress).ifPresent(refusal -> {
            throw refusal;
        });
        String hash = hashing.run(() -> {
            throttle.admitSignup(clientAddress);
            records.requireFreeEmail(email);
            return passwords.hashNew(password, "password");
        });
        return account.apply(hash);
    }

    public void logOut(String token) {
        if (BearerTokens.isWellFormed(token)) {
            accounts.revokeToken(BearerTokens.hash(token));
        }
    }

    @RolesAllowed({"PLATFORM_ADMIN", "MERCHANT_ADMIN", "STAFF", "BUYER"})
    public CallerAccount me() {
        return caller.account().orElseThrow(BadCredentials::new);
    }

    /** Remembers the language the caller chose for the pages (and for the mails sent to them). */
    @RolesAllowed({"PLATFORM_ADMIN", "MERCHANT_ADMIN", "STAFF", "BUYER"})
    public void chooseLanguage(Language language) {
        CallerAccount me = me();
        accounts.find(me.accountId()).orElseThrow(BadCredentials::new).chooseLanguage(language);
    }

    public static Clash emailTaken() {
        return new Clash("email-taken");
    }
}
