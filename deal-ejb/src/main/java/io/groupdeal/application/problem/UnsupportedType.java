package io.groupdeal.application.problem;

/** The body is of a kind the operation does not take (415), such as a GIF where JPEG, PNG or WebP is asked for. */
public class UnsupportedType extends Problem {

    public UnsupportedType(String type, String title, String detail) {
        super(type, title, detail);
    }
}
