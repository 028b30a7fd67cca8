package io.groupdeal.application.photo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groupdeal.application.problem.NotPossible;
import io.groupdeal.application.problem.Problem;
import io.groupdeal.application.problem.Reason;
import io.groupdeal.application.problem.TooLarge;
import io.groupdeal.application.problem.UnsupportedType;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** What an upload becomes, and which uploads are refused with which problem. */
class PhotoImagesTest {

    @Test
    void aJpegBecomesThreeJpegsFittingTheirBoxes() throws IOException {
        assertSizes(
                PhotoImages.process(TestImages.jpeg(2000, 1000), "image/jpeg"),
                Map.of(PhotoSize.LARGE, "1280x640", PhotoSize.CARD, "480x240", PhotoSize.THUMB, "160x80"));
    }

    @Test
    void aSmallPictureIsNeverEnlarged() throws IOException {
        assertSizes(
                PhotoImages.process(TestImages.png(300, 200), "image/png"),
                Map.of(PhotoSize.LARGE, "300x200", PhotoSize.CARD, "300x200", PhotoSize.THUMB, "160x107"));
    }

    @Test
    void webpIsRead() throws IOException {
        assertSizes(PhotoImages.process(TestImages.WEBP, "image/webp"), Map.of(PhotoSize.LARGE, "1x1"));
    }

    @Test
    void exifAndGpsAreGoneAndTheOrientationIsApplied() throws IOException {
        byte[] upload = TestImages.jpegWithExif(400, 200, 6); // rotate 90° clockwise to view
        assertTrue(
                TestImages.contains(upload, TestImages.SECRET.getBytes(StandardCharsets.US_ASCII)),
                "the upload has it");
        assertEquals(6, PhotoImages.orientation(upload));
        for (PhotoImages.Rendition r : PhotoImages.process(upload, null).values()) {
            assertFalse(
                    TestImages.contains(r.bytes(), TestImages.SECRET.getBytes(StandardCharsets.US_ASCII)),
                    r.size().path());
            assertFalse(
                    TestImages.contains(r.bytes(), "Exif".getBytes(StandardCharsets.US_ASCII)),
                    r.size().path());
            assertFalse(
                    TestImages.contains(r.bytes(), new byte[] {(byte) 0xFF, (byte) 0xE1}),
                    "no APP1 in " + r.size().path());
        }
        BufferedImage large = read(PhotoImages.process(upload, "image/jpeg").get(PhotoSize.LARGE));
        assertEquals(200, large.getWidth());
        assertEquals(400, large.getHeight());
        // Turned clockwise: the red left half is now on top, the blue right half at the bottom.
        assertTrue(new java.awt.Color(large.getRGB(100, 20)).getRed() > 200, "red on top");
        assertTrue(new java.awt.Color(large.getRGB(100, 380)).getBlue() > 200, "blue at the bottom");
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeader() {
        byte[] bomb = TestImages.pngBomb(50_000, 50_000);
        assertTrue(bomb.length < 1000, "a small file: " + bomb.length);
        assertProblem(
                NotPossible.class,
                "not-an-image",
                Reason.of("not-an-image.too-many-pixels", 50_000, 50_000, 40L),
                () -> PhotoImages.process(bomb, "image/png"));
    }

    @Test
    void hostileAndForeignBytesAreRefused() {
        assertProblem(
                NotPossible.class,
                "not-an-image",
                Reason.of("not-an-image"),
                () -> PhotoImages.process(TestImages.zip(), "image/png"));
        assertProblem(
                NotPossible.class,
                "not-an-image",
                () -> PhotoImages.process(TestImages.pngSignatureThenZip(), "image/png"));
        assertProblem(
                NotPossible.class,
                "not-an-image",
                Reason.of("not-an-image.mismatch", "JPEG", "image/png"),
                () -> PhotoImages.process(TestImages.jpeg(10, 10), "image/png"));
        assertProblem(
                UnsupportedType.class,
                "photo-type",
                Reason.of("photo-type.declared", "image/gif"),
                () -> PhotoImages.process(TestImages.gif(10, 10), "image/gif"));
        assertProblem(
                UnsupportedType.class,
                "photo-type",
                Reason.of("photo-type.gif"),
                () -> PhotoImages.process(TestImages.gif(10, 10), null));
        assertProblem(
                UnsupportedType.class,
                "photo-type",
                Reason.of("photo-type.declared", "text/plain"),
                () -> PhotoImages.process(TestImages.jpeg(10, 10), "text/plain"));
        assertProblem(
                TooLarge.class,
                "photo-too-large",
                Reason.of("photo-too-large", PhotoImages.MAX_BYTES),
                () -> PhotoImages.process(new byte[PhotoImages.MAX_BYTES + 1], "image/jpeg"));
        byte[] truncated = java.util.Arrays.copyOf(TestImages.png(200, 200), 60);
        assertProblem(NotPossible.class, "not-an-image", () -> PhotoImages.process(truncated, "image/png"));
    }

    private static void assertProblem(Class<? extends Problem> kind, String type, Runnable upload) {
        Problem problem = assertThrows(kind, upload::run);
        assertEquals(type, problem.type());
    }

    /** The same, and the reason the interfaces word the detail from (no sentence in the application). */
    private static void assertProblem(Class<? extends Problem> kind, String type, Reason reason, Runnable upload) {
        Problem problem = assertThrows(kind, upload::run);
        assertEquals(type, problem.type());
        assertEquals(reason, problem.reason());
    }

    /** Each rendition named in {@code sizes} is as wide and high as said there ("1280x640"), and so is its image. */
    private static void assertSizes(Map<PhotoSize, PhotoImages.Rendition> out, Map<PhotoSize, String> sizes)
            throws IOException {
        for (Map.Entry<PhotoSize, String> expected : sizes.entrySet()) {
            PhotoImages.Rendition rendition = out.get(expected.getKey());
            String path = expected.getKey().path();
            assertEquals(expected.getValue(), rendition.width() + "x" + rendition.height(), path);
            BufferedImage image = read(rendition);
            assertEquals(expected.getValue(), image.getWidth() + "x" + image.getHeight(), path + " as read");
        }
    }

    private static BufferedImage read(PhotoImages.Rendition rendition) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(rendition.bytes()));
    }
}
