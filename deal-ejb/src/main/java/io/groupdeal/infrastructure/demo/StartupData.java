package io.groupdeal.infrastructure.demo;

import io.groupdeal.application.account.AccountService;
import io.groupdeal.application.problem.InvalidInput;
import io.groupdeal.domain.deal.TeamTerms;
import io.groupdeal.domain.shared.InvalidValue;
import io.groupdeal.domain.shared.Language;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * At startup: creates the first platform operator from {@code DEAL_ADMIN_EMAIL} / {@code DEAL_ADMIN_PASSWORD}, and
 * in demo mode ({@code DEAL_DEMO}) the demo merchants, stores, staff and buyer once; a restart finds them there
 * and creates nothing. In demo mode it lists the accounts to try. It does not say that the product runs: startup beans
 * run before the web module starts, and for seconds after them every request still fails (the development launcher
 * says "running" once {@code /health/ready} answers 200).
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StartupData {

    static final String DEMO_PASSWORD = "demo-password";
    static final String DEMO_OPERATOR = "operator@demo.groupdeal.io";
    static final String DEMO_BUYER = "buyer@demo.groupdeal.io";

    private static final Logger LOG = Logger.getLogger(StartupData.class.getName());

    private static final List<DemoTenant> DEMO_TENANTS = List.of(
            new DemoTenant(
                    "Noodle Republic",
                    "admin@noodle.demo.groupdeal.io",
                    Language.EN,
                    List.of(
                            new DemoTenant.DemoStore(
                                    "Noodle Republic Mitte",
                                    "Rosenthaler Str. 40, 10178 Berlin",
                                    52.5273,
                                    13.4019,
                                    "Europe/Berlin"),
                            new DemoTenant.DemoStore(
                                    "Noodle Republic Kreuzberg",
                                    "Oranienstr. 12, 10999 Berlin",
                                    52.5010,
                                    13.4187,
                                    "Europe/Berlin")),
                    List.of(
                            new DemoTenant.DemoStaff("Mia Counter", "staff@noodle.demo.groupdeal.io", List.of(0)),
                            new DemoTenant.DemoStaff("Jonas Counter", "jonas@noodle.demo.groupdeal.io", List.of(0, 1))),
                    List.of(
                            new DemoTenant.DemoDeal(
                                    "Dan Dan Noodles for Two",
                                    "Two bowls of hand-pulled dan dan noodles with"
                                            + " Sichuan pepper, and two pots of jasmine tea.",
                                    "Dine in only. One coupon per table.",
                                    "14.90",
                                    "26.00",
                                    1,
                                    200,
                                    14),
                            new DemoTenant.DemoDeal(
                                    "Dumpling Feast for Four",
                                    "Forty dumplings in four fillings, two sides and" + " four drinks, to share.",
                                    "Book a table a day ahead. Not on Friday evenings.",
                                    "39.00",
                                    "72.00",
                                    10,
                                    80,
                                    7))),
            new DemoTenant(
                    "Sunrise Spa",
                    "admin@spa.demo.groupdeal.io",
                    Language.EN,
                    List.of(new DemoTenant.DemoStore(
                            "Sunrise Spa Prenzlauer Berg",
                            "Kastanienallee 7, 10435 Berlin",
                            52.5384,
                            13.4096,
                            "Europe/Berlin")),
                    List.of(new DemoTenant.DemoStaff("Lea Desk", "staff@spa.demo.groupdeal.io", List.of(0))),
                    List.of(
                            new DemoTenant.DemoDeal(
                                    "60-Minute Hot Stone Massage",
                                    "A full-body hot stone massage by one"
                                            + " of our therapists, with tea in the garden room after.",
                                    "Appointment needed. Valid Monday to" + " Saturday.",
                                    "49.00",
                                    "95.00",
                                    3,
                                    40,
                                    10),
                            new DemoTenant.DemoDeal(
                                    "Spa Afternoon",
                                    "Sauna, steam room and the garden pool for an afternoon,"
                                            + " with a massage if you choose one.",
                                    "Towels and robes included. Appointment needed.",
                                    "EUR",
                                    "29.00",
                                    "45.00",
                                    5,
                                    60,
                                    12,
                                    List.of(
                                            new DemoTenant.DemoOption("Sauna and pool", "29.00", "45.00", null),
                                            new DemoTenant.DemoOption("With a 30-minute massage", "59.00", "95.00", 30),
                                            new DemoTenant.DemoOption(
                                                    "For two, with massages", "109.00", "180.00", 10)),
                                    TeamTerms.NONE))),
            // A merchant in Shanghai whose buyers read Chinese: prices in CNY, mails in Chinese by default.
            new DemoTenant(
                    "南翔小笼馆",
                    "admin@xiaolong.demo.groupdeal.io",
                    Language.ZH_CN,
                    List.of(new DemoTenant.DemoStore("南翔小笼馆 豫园店", "上海市黄浦区豫园路85号", 31.2272, 121.4921, "Asia/Shanghai")),
                    List.of(new DemoTenant.DemoStaff("王小明", "staff@xiaolong.demo.groupdeal.io", List.of(0))),
                    List.of(
                            new DemoTenant.DemoDeal(
                                    "招牌蟹粉小笼套餐",
                                    "现包现蒸的蟹粉小笼，配鸡鸭血汤和时令小菜。",
                                    "仅限堂食，周末及节假日通用，无需预约。",
                                    "CNY",
                                    "98.00",
                                    "168.00",
                                    5,
                                    300,
                                    14,
                                    List.of(
                                            new DemoTenant.DemoOption("双人套餐", "98.00", "168.00", null),
                                            new DemoTenant.DemoOption("四人套餐", "188.00", "320.00", 100)),
                                    TeamTerms.NONE),
                            // 拼团: three friends within a day pay 19.90 yuan a coupon instead of 28
                            new DemoTenant.DemoDeal(
                                    "鲜肉小笼一笼",
                                    "一笼八只鲜肉小笼，皮薄汁多。",
                                    "仅限堂食，每张团购券限一人使用。",
                                    "CNY",
                                    "28.00",
                                    "45.00",
                                    1,
                                    500,
                                    14,
                                    List.of(),
                                    new TeamTerms(3, new BigDecimal("19.90"), 24 * 60)))));

    @EJB
    private AccountService accounts;

    @EJB
    private DemoWriter writer;

    @Inject
    @ConfigProperty(name = "deal.demo", defaultValue = "false")
    private boolean demo;

    @Inject
    @ConfigProperty(name = "deal.admin.email")
    private Optional<String> adminEmail;

    @Inject
    @ConfigProperty(name = "deal.admin.password")
    private Optional<String> adminPassword;

    @PostConstruct
    void load() {
        String operatorEmail = adminEmail.orElse(demo ? DEMO_OPERATOR : null);
        String operatorPassword = adminPassword.orElse(demo ? DEMO_PASSWORD : null);
        if (operatorEmail != null && operatorPassword != null) {
            try {
                accounts.ensureOperator(operatorEmail, operatorPassword);
            } catch (InvalidInput | InvalidValue e) {
                LOG.severe(
                        "The platform operator was not created: DEAL_ADMIN_EMAIL or DEAL_ADMIN_PASSWORD is not valid ("
                                + e.getMessage() + "); passwords need at least 10 characters.");
            }
        } else {
            LOG.warning("No platform operator configured: set DEAL_ADMIN_EMAIL and DEAL_ADMIN_PASSWORD.");
        }
        if (demo) {
            loadDemo();
            StringBuilder banner = new StringBuilder("\n\n  Demo accounts (password for all: ")
                    .append(DEMO_PASSWORD)
                    .append(")\n")
                    .append(String.format(
                            "    %-16s %s%s%n",
                            "operator",
                            operatorEmail,
                            adminPassword.isPresent() ? " (password from DEAL_ADMIN_PASSWORD)" : ""));
            for (DemoTenant tenant : DEMO_TENANTS) {
                banner.append(String.format(
                        "    %-16s %s   (%s)%n", "merchant admin", tenant.adminEmail(), tenant.businessName()));
                tenant.staff().forEach(s -> banner.append(String.format("    %-16s %s%n", "counter staff", s.email())));
            }
            banner.append(String.format("    %-16s %s%n", "buyer", DEMO_BUYER));
            LOG.info(banner.toString());
        }
    }

    /** The demo password is hashed once, outside any transaction; the writer's transactions only write. */
    private void loadDemo() {
        String hash = null;
        for (DemoTenant tenant : DEMO_TENANTS) {
            if (!writer.exists(tenant.adminEmail())) {
                hash = hash == null ? writer.hash(DEMO_PASSWORD) : hash;
                writer.writeTenant(tenant, hash);
            }
        }
        if (!writer.exists(DEMO_BUYER)) {
            writer.writeBuyer("Bo Buyer", DEMO_BUYER, hash == null ? writer.hash(DEMO_PASSWORD) : hash);
        }
    }
}
