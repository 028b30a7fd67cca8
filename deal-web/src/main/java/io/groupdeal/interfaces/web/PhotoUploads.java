package io.groupdeal.interfaces.web;

import io.groupdeal.application.photo.PhotoImages;
import io.groupdeal.application.photo.PhotoMedia;
import io.groupdeal.application.photo.PhotoService;
import io.groupdeal.application.photo.PhotoSize;
import io.groupdeal.application.problem.InvalidInput;
import io.groupdeal.application.problem.NotPermitted;
import io.groupdeal.application.problem.Problem;
import io.groupdeal.application.problem.Reason;
import io.groupdeal.application.security.Caller;
import io.groupdeal.application.security.CallerAccount;
import io.groupdeal.domain.photo.DealPhoto;
import io.groupdeal.domain.shared.Language;
import io.groupdeal.interfaces.problem.ProblemWriter;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * The deal editor's photo calls, on the page's session cookie (the API takes bearer tokens only, and the page's
 * script cannot read the HttpOnly cookie): {@code POST /merchant/photos/<deal>} with the image as the body and its
 * Content-Type, {@code PUT /merchant/photos/<deal>} with {@code {order}}, {@code DELETE /merchant/photos/<deal>/<photo>},
 * and the thumbnails, {@code GET /merchant/photos/<photo>/<size>}.
 * Under {@code /merchant/}, so for merchant admins only (web.xml). Each change must carry {@code X-Requested-With}: a
 * page of another site can neither send that header without a CORS preflight this never answers, nor send the
 * SameSite=Lax cookie with a cross-site POST, so no other site can make a merchant's browser change photos. Answers
 * are the API's: the photo or {@code {photos}} as JSON, problems as problem+json.
 */
@WebServlet("/merchant/photos/*")
public class PhotoUploads extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient PhotoService photos;

    @EJB
    private transient PhotoMedia media;

    @Inject
    private transient Caller caller;

    /**
     * {@code GET /merchant/photos/<photo>/<size>}: the bytes of one of the merchant's photos for the editor's
     * thumbnails, on the page's cookie (the API's media route sees a page's request as a visitor's, and a draft's
     * photos are not for visitors). An image request carries no extra header, and reading changes nothing.
     */
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] path = path(request);
        try {
            if (path.length != 2) {
                throw new io.groupdeal.application.problem.NotFound("photo");
            }
            PhotoSize size =
                    PhotoSize.ofPath(path[1]).orElseThrow(() -> new io.groupdeal.application.problem.NotFound("photo"));
            byte[] bytes = media.bytes(path[0], size);
            response.setContentType(PhotoImages.OUTPUT_TYPE);
            response.setHeader("Cache-Control", "private, max-age=31536000, immutable");
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        } catch (Problem problem) {
            ProblemWriter.write(language(request), response, problem);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        handle(request, response, path -> {
            if (path.length != 1) {
                throw new InvalidInput("path", "such-as", "POST /merchant/photos/<deal id>");
            }
            byte[] bytes = request.getInputStream().readNBytes(PhotoImages.MAX_BYTES + 1);
            if (bytes.length > PhotoImages.MAX_BYTES) {
                throw PhotoImages.tooLarge();
            }
            DealPhoto added = photos.upload(path[0], bytes, request.getContentType());
            response.setStatus(201);
            write(response, photo(request, added).build());
        });
    }

    @Override
    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        handle(request, response, path -> {
            if (path.length != 1) {
                throw new InvalidInput("path", "such-as", "PUT /merchant/photos/<deal id>");
            }
            List<String> order;
            try (JsonReader reader = Json.createReader(request.getInputStream())) {
                JsonArray ids = reader.readObject().getJsonArray("order");
                if (ids == null || ids.stream().anyMatch(v -> v.getValueType() != JsonValue.ValueType.STRING)) {
                    throw new InvalidInput("order", "photo-id-list");
                }
                order = ids.getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString)
                        .toList();
            } catch (JsonException | ClassCastException malformed) {
                throw new InvalidInput("order", "photo-id-list");
            }
            write(response, photos(request, photos.reorder(path[0], order)));
        });
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        handle(request, response, path -> {
            if (path.length != 2) {
                throw new InvalidInput("path", "such-as", "DELETE /merchant/photos/<deal id>/<photo id>");
            }
            photos.delete(path[0], path[1]);
            response.setStatus(204);
        });
    }

    @FunctionalInterface
    private interface Call {
        void run(String[] path) throws IOException;
    }

    private void handle(HttpServletRequest request, HttpServletResponse response, Call call) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        Language language = language(request);
        if (request.getHeader("X-Requested-With") == null) {
            ProblemWriter.write(language, response, new NotPermitted("forbidden", Reason.of("forbidden.photo-editor")));
            return;
        }
        try {
            call.run(path(request));
        } catch (Problem problem) {
            ProblemWriter.write(language, response, problem);
        } catch (jakarta.ejb.EJBException wrapped) {
            if (wrapped.getCause() instanceof Problem problem) {
                ProblemWriter.write(language, response, problem);
                return;
            }
            throw wrapped;
        }
    }

    /** Problems in the editor's page language (the account's choice, the switcher's cookie, the browser's). */
    private Language language(HttpServletRequest request) {
        return PageLanguage.of(request, caller.account().flatMap(CallerAccount::chosenLanguage));
    }

    private static String[] path(HttpServletRequest request) {
        String info = request.getPathInfo() == null ? "" : request.getPathInfo().replaceFirst("^/", "");
        return info.isEmpty() ? new String[0] : info.split("/");
    }

    /**
     * The photo as the editor's script reads it: its {@code large} rendition's address and size, and {@code thumb}:
     * its thumbnail on this servlet (the page's cookie).
     */
    private static jakarta.json.JsonObjectBuilder photo(HttpServletRequest request, DealPhoto photo) {
        return Json.createObjectBuilder()
                .add("id", photo.id())
                .add("url", PhotoLinks.link(photo, PhotoSize.LARGE.path()))
                .add("width", photo.width())
                .add("height", photo.height())
                .add("thumb", request.getContextPath() + "/merchant/photos/" + photo.id() + "/thumb");
    }

    private static JsonObject photos(HttpServletRequest request, List<DealPhoto> list) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        list.forEach(p -> items.add(photo(request, p)));
        return Json.createObjectBuilder().add("photos", items).build();
    }

    private static void write(HttpServletResponse response, JsonObject body) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(body.toString());
    }
}
