package io.groupdeal.interfaces.web;

import io.groupdeal.interfaces.money.Amounts;
import java.io.Serializable;
import java.math.BigDecimal;

/**
 * One thing sold as the merchant types it in the deal editor: the deal itself, or one of its options. The amounts stay
 * text until the draft is saved, so a half-typed price stays on the form and is refused with its field's name.
 */
public abstract class TypedOffer implements Serializable {

    private static final long serialVersionUID = 1L;

    private String title;
    private String price;
    private String originalValue;
    private Integer maxQuantity;

    /** Shows saved terms, the amounts with the currency's minor digits. */
    void show(String title, BigDecimal price, BigDecimal originalValue, Integer maxQuantity, String currency) {
        this.title = title;
        this.price = Amounts.format(price, currency);
        this.originalValue = Amounts.format(originalValue, currency);
        this.maxQuantity = maxQuantity;
    }

    /** The typed price; a blank field is no price (publishing names it missing). */
    BigDecimal price(String field) {
        return amount(price, field);
    }

    /** The typed original value; a blank field is none. */
    BigDecimal originalValue(String field) {
        return amount(originalValue, field);
    }

    private static BigDecimal amount(String text, String field) {
        return text == null || text.isBlank() ? null : Amounts.parse(text.strip(), field);
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getPrice() {
        return price;
    }

    public void setPrice(String price) {
        this.price = price;
    }

    public String getOriginalValue() {
        return originalValue;
    }

    public void setOriginalValue(String originalValue) {
        this.originalValue = originalValue;
    }

    public Integer getMaxQuantity() {
        return maxQuantity;
    }

    public void setMaxQuantity(Integer maxQuantity) {
        this.maxQuantity = maxQuantity;
    }
}
