package io.groupdeal.interfaces.web;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The counter's web app manifest, so that staff can install the counter on a phone's home screen: its name in the
 * language the phone asks for (the pages' bundle), its icons (192 and 512 pixels, and a maskable one), opened at
 * {@code /counter/} on its own without the browser's bars. Served to anyone: browsers fetch a manifest without the
 * login cookie, and it holds nothing but words and icons.
 */
@WebServlet("/counter/manifest.webmanifest")
public class CounterManifest extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String BUNDLE = "io.groupdeal.interfaces.web.messages";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale =
                request.getLocale() != null && "zh".equals(request.getLocale().getLanguage())
                        ? Locale.SIMPLIFIED_CHINESE
                        : Locale.ROOT;
        ResourceBundle words = ResourceBundle.getBundle(
                BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String base = request.getContextPath();
        JsonArrayBuilder icons = Json.createArrayBuilder()
                .add(icon(base + "/resources/counter/icon-192.png", "192x192", "any"))
                .add(icon(base + "/resources/counter/icon-512.png", "512x512", "any"))
                .add(icon(base + "/resources/counter/icon-maskable-512.png", "512x512", "maskable"));
        String body = Json.createObjectBuilder()
                .add("name", words.getString("counter.app.name"))
                .add("short_name", words.getString("counter.app.shortName"))
                .add("description", words.getString("counter.app.description"))
                .add("lang", locale == Locale.ROOT ? "en" : "zh-CN")
                .add("id", base + "/counter/")
                .add("start_url", base + "/counter/")
                .add("scope", base + "/counter/")
                .add("display", "standalone")
                .add("orientation", "portrait")
                .add("background_color", "#f6f7fb")
                .add("theme_color", "#4f46e5")
                .add("icons", icons)
                .build()
                .toString();
        response.setContentType("application/manifest+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-cache");
        response.getWriter().write(body);
    }

    private static jakarta.json.JsonObjectBuilder icon(String src, String sizes, String purpose) {
        return Json.createObjectBuilder()
                .add("src", src)
                .add("sizes", sizes)
                .add("type", "image/png")
                .add("purpose", purpose);
    }
}
