package io.groupdeal.interfaces.rest.photo;

import io.groupdeal.application.photo.PhotoImages;
import io.groupdeal.application.photo.PhotoService;
import io.groupdeal.domain.photo.DealPhoto;
import io.groupdeal.interfaces.rest.RequestBodies;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

/**
 * A merchant's photos of a deal. An upload is {@code multipart/form-data} with the part {@code file} (as a browser's
 * form or {@code curl -F file=@photo.jpg} sends it) or the image itself as the body with its Content-Type
 * ({@code curl --data-binary @photo.jpg -H 'Content-Type: image/jpeg'}). The body was bounded by
 * {@code RequestLimits} before this reads it.
 */
@ApplicationScoped
@Path("v1/deals/{id}/photos")
@Produces(MediaType.APPLICATION_JSON)
public class PhotoResource {

    /** Room for a form's boundaries and part headers around an 8 MB photo. */
    public static final int MULTIPART_OVERHEAD = 64 * 1024;

    @EJB
    private PhotoService photos;

    @Inject
    private RequestBodies bodies;

    @GET
    public PhotosDto list(@PathParam("id") String dealId) {
        return new PhotosDto(PhotoDto.of(photos.list(dealId)));
    }

    @POST
    public Response upload(
            @PathParam("id") String dealId, @HeaderParam("Content-Type") String contentType, InputStream body)
            throws IOException {
        boolean form = MultipartForm.isMultipart(contentType);
        byte[] bytes = body.readNBytes(PhotoImages.MAX_BYTES + (form ? MULTIPART_OVERHEAD : 0) + 1);
        String type = contentType;
        if (form) {
            MultipartForm.Part part = MultipartForm.part(bytes, contentType, "file");
            bytes = part.bytes();
            type = part.contentType();
        }
        if (bytes.length > PhotoImages.MAX_BYTES) {
            throw PhotoImages.tooLarge();
        }
        if (bytes.length == 0) {
            throw new io.groupdeal.application.problem.InvalidInput("file", "the photo is empty");
        }
        DealPhoto added = photos.upload(dealId, bytes, type);
        return Response.created(URI.create(PhotoDto.of(added).url()))
                .entity(PhotoDto.of(added))
                .build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public PhotosDto reorder(@PathParam("id") String dealId, PhotoOrderRequest body) {
        bodies.valid(body);
        return new PhotosDto(PhotoDto.of(photos.reorder(dealId, body.order())));
    }

    @DELETE
    @Path("{photoId}")
    public Response delete(@PathParam("id") String dealId, @PathParam("photoId") String photoId) {
        photos.delete(dealId, photoId);
        return Response.noContent().build();
    }
}
