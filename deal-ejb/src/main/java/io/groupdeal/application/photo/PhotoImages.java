package io.groupdeal.application.photo;

import com.twelvemonkeys.image.ResampleOp;
import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import io.groupdeal.application.problem.NotPossible;
import io.groupdeal.application.problem.Reason;
import io.groupdeal.application.problem.TooLarge;
import io.groupdeal.application.problem.UnsupportedType;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Turns an upload into the photo's renditions, or refuses it. The kind is read from the bytes (magic numbers), never
 * from the Content-Type alone: JPEG, PNG and WebP are taken; GIF and every other known format answer 415
 * {@code photo-type}; bytes that are no image, or not the image their Content-Type names, answer 422
 * {@code not-an-image}. The dimensions are read from the header before anything is decoded: a picture of more than
 * {@link #MAX_PIXELS} is refused unallocated (a decompression bomb declares a huge canvas in a small file). A large
 * picture is decoded subsampled, so a 40-megapixel upload never costs its full size in memory. The picture is turned
 * upright by its EXIF orientation and re-encoded as JPEG at each {@link PhotoSize}: the output carries no metadata at
 * all (no EXIF, no GPS, no camera), whatever the upload had.
 */
public final class PhotoImages {

    /** The largest upload taken: 8 MB. */
    public static final int MAX_BYTES = 8 * 1024 * 1024;

    /** The largest picture taken, in pixels (width × height as the header declares them). */
    public static final long MAX_PIXELS = 40_000_000L;

    /** The media type of every rendition. */
    public static final String OUTPUT_TYPE = "image/jpeg";

    private static final float JPEG_QUALITY = 0.85f;

    /** The kinds taken, by their magic numbers. */
    enum Kind {
        JPEG("image/jpeg"),
        PNG("image/png"),
        WEBP("image/webp");

        final String mediaType;

        Kind(String mediaType) {
            this.mediaType = mediaType;
        }
    }

    /** One rendition: its size, dimensions and JPEG bytes. */
    public record Rendition(PhotoSize size, int width, int height, byte[] bytes) {}

    private PhotoImages() {}

    /**
     * The renditions of an upload whose {@code declaredType} (the request's or part's Content-Type; null or
     * {@code application/octet-stream} when the client did not say) may be checked against the bytes.
     */
    public static Map<PhotoSize, Rendition> process(byte[] bytes, String declaredType) {
        if (bytes.length > MAX_BYTES) {
            throw tooLarge();
        }
        String declared = mediaType(declaredType);
        if (declared != null && Arrays.stream(Kind.values()).noneMatch(k -> k.mediaType.equals(declared))) {
            throw wrongType(Reason.of("photo-type.declared", declared));
        }
        Kind kind = sniff(bytes);
        if (declared != null && !kind.mediaType.equals(declared)) {
            throw notAnImage(Reason.of("not-an-image.mismatch", kind.name(), declared));
        }
        BufferedImage upright = upright(decode(kind, bytes), kind == Kind.JPEG ? orientation(bytes) : 1);
        Map<PhotoSize, Rendition> renditions = new EnumMap<>(PhotoSize.class);
        BufferedImage source = upright;
        for (PhotoSize size : List.of(PhotoSize.LARGE, PhotoSize.CARD, PhotoSize.THUMB)) {
            BufferedImage scaled = scale(source, size);
            renditions.put(size, new Rendition(size, scaled.getWidth(), scaled.getHeight(), jpeg(scaled)));
            source = scaled; // each smaller size from the one before: cheaper, and the same picture
        }
        return renditions;
    }

    public static TooLarge tooLarge() {
        return new TooLarge("photo-too-large", Reason.of("photo-too-large", MAX_BYTES));
    }

    private static UnsupportedType wrongType(Reason why) {
        return new UnsupportedType("photo-type", why);
    }

    private static NotPossible notAnImage(Reason why) {
        return new NotPossible("not-an-image", why);
    }

    /** The media type of a Content-Type without parameters, lower case; null when not given or not said. */
    static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.isEmpty() || type.equals("application/octet-stream")
                ? null
                : type.equals("image/jpg") ? "image/jpeg" : type;
    }

    /** The kind the bytes are, by their first bytes; other images are refused as a type, the rest as no image. */
    static Kind sniff(byte[] b) {
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return Kind.JPEG;
        }
        if (starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Kind.PNG;
        }
        if (starts(b, 'R', 'I', 'F', 'F')
                && b.length >= 12
                && b[8] == 'W'
                && b[9] == 'E'
                && b[10] == 'B'
                && b[11] == 'P') {
            return Kind.WEBP;
        }
        if (starts(b, 'G', 'I', 'F', '8')) {
            throw wrongType(Reason.of("photo-type.gif"));
        }
        if (starts(b, 'B', 'M')
                || starts(b, 'I', 'I', 0x2A, 0x00)
                || starts(b, 'M', 'M', 0x00, 0x2A)
                || (b.length >= 12 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p')) {
            throw wrongType(Reason.of("photo-type.other-image"));
        }
        throw notAnImage(Reason.of("not-an-image"));
    }

    private static boolean starts(byte[] bytes, int... magic) {
        if (bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((bytes[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** Decodes the picture, after its header says it is not too large; subsampled when far larger than needed. */
    private static BufferedImage decode(Kind kind, byte[] bytes) {
        ImageReader reader = reader(kind);
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width <= 0 || height <= 0) {
                throw notAnImage(Reason.of("not-an-image.no-pixels"));
            }
            if ((long) width * height > MAX_PIXELS) {
                throw notAnImage(Reason.of("not-an-image.too-many-pixels", width, height, MAX_PIXELS / 1_000_000));
            }
            ImageReadParam param = reader.getDefaultReadParam();
            // Keep at least twice the largest box on the longer side, so that the resampling below still smooths.
            int step = Math.max(1, Math.max(width, height) / (2 * PhotoSize.LARGE.box()));
            if (step > 1) {
                param.setSourceSubsampling(step, step, 0, 0);
            }
            BufferedImage image = reader.read(0, param);
            if (image == null) {
                throw notAnImage(Reason.of("not-an-image.unreadable"));
            }
            return image;
        } catch (IOException | RuntimeException broken) {
            if (broken instanceof NotPossible refused) {
                throw refused;
            }
            // A decoder's failure on hostile bytes (IIOException, or an index or state error deep in the codec).
            throw notAnImage(Reason.of("not-an-image.broken", kind.name()));
        } finally {
            reader.dispose();
        }
    }

    private static ImageReader reader(Kind kind) {
        if (kind == Kind.WEBP) {
            // TwelveMonkeys' WebP reader, made directly: a plug-in found through ImageIO's registry would depend on
            // which class loader scanned it first.
            return new WebPImageReaderSpi().createReaderInstance(null);
        }
        return ImageIO.getImageReadersByFormatName(kind == Kind.JPEG ? "jpeg" : "png")
                .next();
    }

    /** The EXIF orientation of a JPEG (1 to 8; 1, upright, when there is none or it cannot be read). */
    static int orientation(byte[] jpeg) {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg))) {
            List<JPEGSegment> exif = JPEGSegmentUtil.readSegments(in, JPEG.APP1, "Exif");
            if (exif.isEmpty()) {
                return 1;
            }
            try (InputStream data = exif.get(0).data()) {
                data.read(); // the pad byte after "Exif\0"
                Directory tiff = new TIFFReader().read(new MemoryCacheImageInputStream(data));
                Entry entry = tiff.getEntryById(TIFF.TAG_ORIENTATION);
                int value = entry == null ? 1 : ((Number) entry.getValue()).intValue();
                return value >= 1 && value <= 8 ? value : 1;
            }
        } catch (IOException | RuntimeException unreadable) {
            return 1; // broken EXIF does not spoil a picture that decodes
        }
    }

    /** The picture turned as EXIF orientation {@code o} says the camera held it, as RGB on white (no alpha in JPEG). */
    static BufferedImage upright(BufferedImage image, int o) {
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = o >= 5;
        BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
        AffineTransform t = new AffineTransform();
        switch (o) {
            case 2 -> {
                t.translate(w, 0);
                t.scale(-1, 1);
            }
            case 3 -> {
                t.translate(w, h);
                t.rotate(Math.PI);
            }
            case 4 -> {
                t.translate(0, h);
                t.scale(1, -1);
            }
            case 5 -> {
                t.rotate(-Math.PI / 2);
                t.scale(-1, 1);
            }
            case 6 -> {
                t.translate(h, 0);
                t.rotate(Math.PI / 2);
            }
            case 7 -> {
                t.scale(-1, 1);
                t.translate(-h, 0);
                t.translate(0, w);
                t.rotate(3 * Math.PI / 2);
            }
            case 8 -> {
                t.translate(0, w);
                t.rotate(3 * Math.PI / 2);
            }
            default -> {}
        }
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.drawImage(image, t, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Scaled to fit the size's box with a Lanczos filter (TwelveMonkeys' ResampleOp); as it is when it fits. */
    private static BufferedImage scale(BufferedImage image, PhotoSize size) {
        int[] fit = size.fit(image.getWidth(), image.getHeight());
        if (fit[0] == image.getWidth() && fit[1] == image.getHeight()) {
            return image;
        }
        BufferedImage scaled = new ResampleOp(fit[0], fit[1], ResampleOp.FILTER_LANCZOS).filter(image, null);
        if (scaled.getType() == BufferedImage.TYPE_INT_RGB) {
            return scaled;
        }
        BufferedImage rgb = new BufferedImage(fit[0], fit[1], BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.drawImage(scaled, 0, 0, null);
        g.dispose();
        return rgb;
    }

    /** Baseline JPEG with no metadata but the JFIF header ImageIO writes. */
    static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
