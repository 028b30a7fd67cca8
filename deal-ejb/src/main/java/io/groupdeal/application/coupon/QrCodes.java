package io.groupdeal.application.coupon;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.imageio.ImageIO;

/** QR codes as PNG images (ZXing), for the coupon page, the API and the mails; error correction M, 2-module margin. */
@ApplicationScoped
public class QrCodes {

    /** The indices of black and white in a {@link BufferedImage#TYPE_BYTE_BINARY} image's palette. */
    private static final int BLACK = 0;

    private static final int WHITE = 1;

    public byte[] png(String text, int sizePixels) {
        int size = Math.max(64, Math.min(1024, sizePixels));
        try {
            BitMatrix matrix = new QRCodeWriter()
                    .encode(
                            text,
                            BarcodeFormat.QR_CODE,
                            size,
                            size,
                            Map.of(
                                    EncodeHintType.ERROR_CORRECTION,
                                    ErrorCorrectionLevel.M,
                                    EncodeHintType.MARGIN,
                                    2,
                                    EncodeHintType.CHARACTER_SET,
                                    "UTF-8"));
            BufferedImage image =
                    new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
            // The raster's samples are the palette's indices (0 black, 1 white): set directly, not through setRGB,
            // which looks each pixel's colour up in the palette (most of the image's cost).
            WritableRaster pixels = image.getRaster();
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    pixels.setSample(x, y, 0, matrix.get(x, y) ? BLACK : WHITE);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot draw a QR code of this text", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
