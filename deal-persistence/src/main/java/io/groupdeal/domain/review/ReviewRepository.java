package io.groupdeal.domain.review;

import io.groupdeal.domain.shared.NativeSql;
import io.groupdeal.domain.shared.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reviews. One per coupon, decided by a unique key; one reply per review, decided by a conditional update; each
 * deal's rating moves with its reviews in the same transaction and can be rebuilt from them.
 */
@ApplicationScoped
public class ReviewRepository {

    private static final String SELECT =
            "SELECT r.tenant_id, r.id, r.coupon_id, r.deal_id, d.title, r.buyer_id, a.name AS buyer_name,"
                    + " r.rating, r.comment, r.created_at, r.reply, r.replied_at FROM review r"
                    + " JOIN deal d ON d.tenant_id = r.tenant_id AND d.id = r.deal_id LEFT JOIN account a ON a.id = r.buyer_id";

    @Inject
    private NativeSql sql;

    /** Adds the review and counts it in its deal's rating; false when the coupon has a review already. */
    public boolean add(
            String tenantId,
            String id,
            String couponId,
            String dealId,
            String buyerId,
            int rating,
            String comment,
            Instant now) {
        if (!sql.insertUnlessDuplicate(
                "INSERT INTO review (tenant_id, id, coupon_id, deal_id, buyer_id, rating, comment,"
                        + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                List.of(tenantId, id, couponId, dealId, buyerId, rating, comment, now))) {
            return false;
        }
        sql.update(
                "INSERT INTO deal_rating (tenant_id, deal_id, reviews, rating_total) VALUES (?, ?, 1, ?)"
                        + " ON DUPLICATE KEY UPDATE reviews = reviews + 1, rating_total = rating_total + VALUES(rating_total)",
                List.of(tenantId, dealId, rating));
        return true;
    }

    /** The merchant's reply, once: false when the review has one already. */
    public boolean reply(String tenantId, String id, String text, Instant now) {
        return sql.changesOne(
                "UPDATE review SET reply = ?, replied_at = ? WHERE tenant_id = ? AND id = ? AND reply IS NULL",
                List.of(text, now, tenantId, id));
    }

    public Optional<Review> find(String tenantId, String id) {
        return sql.first(
                SELECT + " WHERE r.tenant_id = ? AND r.id = ?", List.of(tenantId, id), ReviewRepository::review);
    }

    public Optional<Review> ofCoupon(String tenantId, String couponId) {
        return sql.first(
                SELECT + " WHERE r.tenant_id = ? AND r.coupon_id = ?",
                List.of(tenantId, couponId),
                ReviewRepository::review);
    }

    /** The ratings a buyer gave, by coupon id. */
    public Map<String, Integer> ratingsOfBuyer(String buyerId) {
        Map<String, Integer> out = new HashMap<>();
        sql.rows(
                "SELECT coupon_id, rating FROM review WHERE buyer_id = ?",
                List.of(buyerId),
                r -> out.put(r.string("coupon_id"), r.nullableInt("rating")));
        return out;
    }

    /** The tenant's reviews, newest first, of one deal and/or with one rating when given. */
    public List<Review> ofTenant(String tenantId, String dealId, Integer rating, int page, int size) {
        List<Object> parameters = new ArrayList<>(List.of(tenantId));
        String where = filter(dealId, rating, parameters);
        parameters.add(size);
        parameters.add(page * size);
        return sql.rows(
                SELECT + " WHERE r.tenant_id = ?" + where + " ORDER BY r.created_at DESC, r.id DESC LIMIT ? OFFSET ?",
                parameters,
                ReviewRepository::review);
    }

    public long countOfTenant(String tenantId, String dealId, Integer rating) {
        List<Object> parameters = new ArrayList<>(List.of(tenantId));
        String where = filter(dealId, rating, parameters);
        return sql.one(
                "SELECT COUNT(*) AS n FROM review r WHERE r.tenant_id = ?" + where, parameters, r -> r.count("n"));
    }

    /** A published deal's reviews for anyone, newest first. */
    public List<Review> ofDeal(String dealId, int page, int size) {
        return sql.rows(
                SELECT + " WHERE r.deal_id = ? ORDER BY r.created_at DESC, r.id DESC LIMIT ? OFFSET ?",
                List.of(dealId, size, page * size),
                ReviewRepository::review);
    }

    public long countOfDeal(String dealId) {
        return sql.one("SELECT COUNT(*) AS n FROM review WHERE deal_id = ?", List.of(dealId), r -> r.count("n"));
    }

    private static String filter(String dealId, Integer rating, List<Object> parameters) {
        String where = "";
        if (dealId != null) {
            where += " AND r.deal_id = ?";
            parameters.add(dealId);
        }
        if (rating != null) {
            where += " AND r.rating = ?";
            parameters.add(rating);
        }
        return where;
    }

    private static Review review(Row r) {
        return new Review(
                r.string("tenant_id"),
                r.string("id"),
                r.string("coupon_id"),
                r.string("deal_id"),
                r.string("title"),
                r.string("buyer_id"),
                r.string("buyer_name"),
                r.nullableInt("rating"),
                r.string("comment"),
                r.instant("created_at"),
                r.string("reply"),
                r.instant("replied_at"));
    }
}
