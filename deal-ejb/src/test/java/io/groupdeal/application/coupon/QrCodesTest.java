package io.groupdeal.application.coupon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** A coupon's QR image reads back as its text, black on white, at the size asked within 64 to 1,024 pixels. */
class QrCodesTest {

    private final QrCodes qr = new QrCodes();

    @Test
    void theImageReadsBackAsTheText() throws Exception {
        for (String text : new String[] {"GD-7KQ2-M9XW-4HTR", "https://deals.example/c/01J8Z3?lang=zh-CN", "团购券 42"}) {
            BufferedImage image = read(qr.png(text, 240));
            assertEquals(240, image.getWidth());
            assertEquals(240, image.getHeight());
            int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            BinaryBitmap bitmap = new BinaryBitmap(
                    new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
            assertEquals(text, new QRCodeReader().decode(bitmap).getText());
        }
    }

    @Test
    void theMarginIsWhiteAndTheFinderPatternBlack() throws Exception {
        BufferedImage image = read(qr.png("GD-7KQ2-M9XW-4HTR", 200));
        assertEquals(0xFFFFFFFF, image.getRGB(0, 0), "the quiet zone");
        int[] firstDark = new int[2];
        outer:
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (image.getRGB(x, y) == 0xFF000000) {
                    firstDark[0] = x;
                    firstDark[1] = y;
                    break outer;
                }
            }
        }
        assertArrayEquals(
                new int[] {firstDark[1], firstDark[1]}, firstDark, "the top-left finder starts on the diagonal");
        assertEquals(0xFF000000, image.getRGB(firstDark[0] + 1, firstDark[1] + 1), "and is black inside its edge");
    }

    @Test
    void theSizeIsKeptWithinBounds() throws Exception {
        assertEquals(64, read(qr.png("A", 10)).getWidth());
        assertEquals(1024, read(qr.png("A", 5000)).getWidth());
    }

    @Test
    void aTextNoQrCodeHoldsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> qr.png("x".repeat(5000), 240));
    }

    private static BufferedImage read(byte[] png) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(png));
    }
}
