package io.groupdeal.interfaces.rest.photo;

import io.groupdeal.application.photo.PhotoImages;
import io.groupdeal.application.photo.PhotoMedia;
import io.groupdeal.application.photo.PhotoSize;
import io.groupdeal.application.problem.NotFound;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;

/**
 * A photo's bytes at a size, for anyone who may see its deal. A photo's bytes never change under its URL (a new
 * upload is a new photo), so the answer may be cached for a year without asking again ({@code immutable}); its ETag
 * names the photo and size, and {@code If-None-Match} with it answers 304 without reading the bytes. A photo anyone
 * may see is {@code public}; one only its merchant or the operator sees (a draft's) is {@code private}, so a shared
 * cache never hands it to others.
 */
@ApplicationScoped
@Path("v1/media/photos/{photoId}/{size}")
public class MediaResource {

    /** A year, in seconds. */
    static final int MAX_AGE = 365 * 24 * 3600;

    @EJB
    private PhotoMedia media;

    /** No {@code @Produces}: the answer is a JPEG or a problem whatever the client's Accept says, never a 406. */
    @GET
    public Response get(
            @PathParam("photoId") String photoId,
            @PathParam("size") String sizeName,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        PhotoSize size = PhotoSize.ofPath(sizeName).orElseThrow(() -> new NotFound("photo"));
        boolean open = media.open(photoId);
        EntityTag tag = new EntityTag(photoId + "-" + size.path());
        String cache = (open ? "public" : "private") + ", max-age=" + MAX_AGE + ", immutable";
        if (matches(ifNoneMatch, tag)) {
            return Response.notModified(tag).header("Cache-Control", cache).build();
        }
        byte[] bytes = media.bytes(photoId, size);
        return Response.ok(bytes, PhotoImages.OUTPUT_TYPE)
                .tag(tag)
                .header("Cache-Control", cache)
                .build();
    }

    /** Whether an {@code If-None-Match} list names the tag (or is {@code *}); weak and strong alike (RFC 9110 13.1.2). */
    static boolean matches(String ifNoneMatch, EntityTag tag) {
        if (ifNoneMatch == null) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(","))
                .map(String::strip)
                .anyMatch(t -> t.equals("*")
                        || t.equals("\"" + tag.getValue() + "\"")
                        || t.equals("W/\"" + tag.getValue() + "\""));
    }
}
