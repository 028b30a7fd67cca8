package io.groupdeal.application.problem;

/** The request's body is larger than the operation takes (413), such as a photo over 8 MB. */
public class TooLarge extends Problem {

    public TooLarge(String type, String title, String detail) {
        super(type, title, detail);
    }
}
