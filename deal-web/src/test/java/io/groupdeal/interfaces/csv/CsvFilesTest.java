package io.groupdeal.interfaces.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.groupdeal.application.settlement.Statement;
import io.groupdeal.domain.deal.DealReport;
import io.groupdeal.domain.report.Dashboard;
import io.groupdeal.domain.settlement.SettlementLine;
import io.groupdeal.domain.shared.Language;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The CSV files the API and the pages hand out: money with its currency's minor digits, rates as plain decimals,
 * texts quoted and defused, the header in the reader's language and the values the same in every language.
 */
class CsvFilesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 30);

    @Test
    void aDealsReportHasItsTotalsThenItsDaysThenItsStores() {
        DealReport report = new DealReport(
                12,
                new BigDecimal("239.4"),
                5,
                2,
                new BigDecimal("0.5000"),
                List.of(new DealReport.StoreLine("s1", 5)),
                List.of(new DealReport.DayLine(DAY, 12, 5)));
        assertEquals(
                "section,key,sold,redeemed,refunded,revenue,redemption_rate\r\n"
                        + "total,,12,5,2,239.40,0.5000\r\n"
                        + "day,2026-11-30,12,5,,,\r\n"
                        + "store,s1,,5,,,\r\n",
                ReportCsv.of(report, "EUR", Language.EN));
        assertEquals(
                "分类,键,售出,核销,退款,销售额,核销率\r\n",
                ReportCsv.of(report, "EUR", Language.ZH_CN).lines().findFirst().orElseThrow() + "\r\n");
    }

    @Test
    void theDashboardHasOneLinePerCurrencyDayStoreAndDealEachInItsCurrency() {
        Dashboard dashboard = new Dashboard(
                DAY,
                DAY,
                "Europe/Berlin",
                3,
                1,
                2,
                new BigDecimal("1.0000"),
                "JPY",
                new BigDecimal("2400"),
                List.of(new Dashboard.Money("EUR", new BigDecimal("9.9")), new Dashboard.Money("JPY", BigDecimal.TEN)),
                null,
                0,
                1,
                0,
                List.of(new Dashboard.Day(DAY, 3, new BigDecimal("2400"), 2)),
                List.of(new Dashboard.StoreLine("s1", "=Mitte", 2)),
                List.of(new Dashboard.DealLine("d1", "Ramen \"deluxe\"", "JPY", 3, new BigDecimal("2400"), 2)));
        assertEquals(
                "section,key,name,currency,sold,revenue,redeemed,refunded,redemption_rate,average_rating\r\n"
                        + "total,,\"Europe/Berlin\",JPY,3,2400,2,1,1.0000,\r\n"
                        + "currency,EUR,,EUR,,9.90,,,,\r\n"
                        + "currency,JPY,,JPY,,10,,,,\r\n"
                        + "day,2026-11-30,,JPY,3,2400,2,,,\r\n"
                        + "store,s1,\"'=Mitte\",,,,2,,,\r\n"
                        + "deal,d1,\"Ramen \"\"deluxe\"\"\",JPY,3,2400,2,,,\r\n",
                DashboardCsv.of(dashboard, Language.EN));
    }

    @Test
    void statementsHaveOneLinePerTenantCurrencyAndRate() {
        Statement statement = new Statement(
                "t1",
                "Café Mitte",
                DAY.withDayOfMonth(1),
                DAY,
                List.of(SettlementLine.of("EUR", 4, new BigDecimal("100"), new BigDecimal("0.1550"))));
        assertEquals(
                "tenant_id,business_name,from,to,currency,redeemed_count,gross_value,commission_rate,commission,net\r\n"
                        + "t1,\"Café Mitte\",2026-11-01,2026-11-30,EUR,4,100.00,0.1550,15.50,84.50\r\n",
                StatementCsv.of(List.of(statement), Language.EN));
        assertEquals("商户ID,商户名称,开始日期,结束日期,币种,核销数量,核销总额,佣金比例,佣金,应结金额\r\n", StatementCsv.of(List.of(), Language.ZH_CN));
    }
}
