package org.duet.svg;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.batik.bridge.UserAgent;
import org.apache.batik.transcoder.ErrorHandler;
import org.apache.batik.transcoder.SVGAbstractTranscoder;
import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.ImageTranscoder;
import org.apache.batik.transcoder.image.PNGTranscoder;
import org.duet.eval.Runner;
import org.duet.lang.DuetException;
import org.duet.lang.JsNumber;
import org.w3c.dom.Document;

/**
 * Renders a drawing to PNG with Batik: the clean export fitted to its content ({@link Canvas#toExportSvg()}) at a
 * multiple of its natural size or at a given width. Every failure is a {@link DuetException} with a clear message.
 *
 * <p>The first transcode in a JVM is slow (0.6–1.9 s, mostly loading Batik and fonts): a server calls
 * {@link #warmUp()} once at start-up, off the request path. Batik runs headless.
 */
public final class PngExport {
    private PngExport() {}

    /** The largest width or height of an exported image, in pixels. */
    public static final int MAX_SIDE = 8000;

    /** What shows where the drawing draws nothing. */
    public enum Background {
        TRANSPARENT,
        WHITE
    }

    static {
        // no display is ever needed (and none is present on servers)
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    /** The drawing at {@code scale} × its natural size (1 for 1×, 2 for 2×), on a transparent background. */
    public static byte[] png(Canvas c, double scale) {
        return png(c, scale, Background.TRANSPARENT);
    }

    /** The drawing at {@code scale} × its natural size, on the given background. */
    public static byte[] png(Canvas c, double scale, Background background) {
        checkScale(scale);
        FittedExport f = sized(c);
        return transcode(f.svg, pixels(f.width * scale), pixels(f.height * scale), background);
    }

    /** The drawing {@code width} pixels wide (the height in proportion), on a transparent background. */
    public static byte[] pngWidth(Canvas c, int width) {
        return pngWidth(c, width, Background.TRANSPARENT);
    }

    /** The drawing {@code width} pixels wide (the height in proportion), on the given background. */
    public static byte[] pngWidth(Canvas c, int width, Background background) {
        checkWidth(width);
        FittedExport f = sized(c);
        return transcode(f.svg, width, pixels(width * f.height / f.width), background);
    }

    /** Throws a DuetException unless {@code scale} is a usable scale (a positive finite number). */
    public static void checkScale(double scale) {
        if (!(scale > 0) || Double.isInfinite(scale))
            throw new DuetException("the scale must be a positive number, not " + JsNumber.toString(scale));
    }

    /** Throws a DuetException unless {@code width} is a usable width in pixels (1 to {@link #MAX_SIDE}). */
    public static void checkWidth(long width) {
        if (width < 1) throw new DuetException("the width must be at least 1 pixel, not " + width);
        if (width > MAX_SIDE) throw tooLarge(width, -1);
    }

    /** The natural size of the drawing's export in pixels, {width, height}, or a DuetException if it has none. */
    public static double[] naturalSize(Canvas c) {
        FittedExport f = sized(c);
        return new double[] {f.width, f.height};
    }

    private static final AtomicBoolean warm = new AtomicBoolean();

    /** Loads Batik and the fonts by transcoding a tiny drawing once (later calls return at once); never throws. */
    public static void warmUp() {
        if (!warm.compareAndSet(false, true)) return;
        String tiny = "<svg xmlns=\"" + SvgWriter.XMLNS + "\" width=\"16\" height=\"16\" viewBox=\"0 0 16 16\">"
                + "<rect x=\"2\" y=\"2\" width=\"12\" height=\"12\" fill=\"red\" stroke=\"black\"/>"
                + "<text x=\"2\" y=\"12\" font-family=\"sans-serif\" font-size=\"10\">Duet</text></svg>";
        try {
            transcode(tiny, 16, 16, Background.TRANSPARENT);
        } catch (RuntimeException | LinkageError e) {
            // a real export will report the problem
        }
    }

    // ------------------------------------------------------------------------------------------------ internals

    private static FittedExport sized(Canvas c) {
        FittedExport f = FittedExport.of(c);
        if (!(f.width > 0) || !(f.height > 0) || Double.isInfinite(f.width) || Double.isInfinite(f.height))
            throw new DuetException("the drawing is empty (nothing visible and no size given), so there is nothing "
                    + "to export as PNG");
        return f;
    }

    /** A side in whole pixels (at least 1). */
    private static long pixels(double v) {
        return Math.max(1, Math.round(v));
    }

    private static DuetException tooLarge(long w, long h) {
        String size = h < 0 ? w + " pixels wide" : w + " × " + h + " pixels";
        return new DuetException(
                "the PNG would be " + size + "; Duet exports at most " + MAX_SIDE + " pixels on each side");
    }

    /** The PNG of an SVG text at exactly width × height pixels (on a big stack: Batik's builder recurses). */
    static byte[] transcode(String svg, long width, long height, Background background) {
        if (width > MAX_SIDE || height > MAX_SIDE) throw tooLarge(width, height);
        return Runner.call(() -> {
            try {
                Document doc = SvgImport.parse(svg, URI);
                Svg11.adapt(doc);
                return transcode(doc, width, height, background);
            } catch (StackOverflowError e) {
                throw new DuetException("the drawing is nested too deeply to export as PNG");
            }
        });
    }

    private static byte[] transcode(Document doc, long width, long height, Background background) {
        QuietPngTranscoder t = new QuietPngTranscoder();
        t.addTranscodingHint(SVGAbstractTranscoder.KEY_WIDTH, (float) width);
        t.addTranscodingHint(SVGAbstractTranscoder.KEY_HEIGHT, (float) height);
        t.addTranscodingHint(SVGAbstractTranscoder.KEY_EXECUTE_ONLOAD, Boolean.FALSE);
        t.addTranscodingHint(SVGAbstractTranscoder.KEY_ALLOW_EXTERNAL_RESOURCES, Boolean.FALSE);
        if (background == Background.WHITE) t.addTranscodingHint(ImageTranscoder.KEY_BACKGROUND_COLOR, Color.WHITE);
        t.setErrorHandler(new ErrorHandler() {
            @Override
            public void error(TranscoderException e) throws TranscoderException {
                throw e;
            }

            @Override
            public void fatalError(TranscoderException e) throws TranscoderException {
                throw e;
            }

            @Override
            public void warning(TranscoderException e) {
                /* not worth failing an export */
            }
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            t.transcode(new TranscoderInput(doc), new TranscoderOutput(out));
        } catch (TranscoderException | RuntimeException e) {
            // Batik's bridge also reports bad documents with unchecked exceptions
            if (e instanceof DuetException) throw (DuetException) e;
            throw new DuetException("cannot export the drawing as PNG: " + reason(e));
        } catch (OutOfMemoryError e) {
            throw new DuetException("not enough memory to export the drawing as a " + width + " × " + height + " PNG");
        }
        return out.toByteArray();
    }

    /** The innermost message, on one line, without the placeholder document name. */
    static String reason(Throwable e) {
        Throwable t = e;
        for (int i = 0; i < 10; i++) {
            Throwable next = t instanceof TranscoderException ? ((TranscoderException) t).getException() : t.getCause();
            if (next == null || next == t) break;
            t = next;
        }
        String m = t.getMessage();
        if (m == null || m.isBlank()) return t.getClass().getSimpleName();
        return clean(m);
    }

    /** A Batik message on one line, without the placeholder document address or an unknown line number. */
    private static String clean(String m) {
        m = m.replace(URI + ":", "")
                .replace(URI, "")
                .replaceAll("\\s*\\n\\s*", " ")
                .strip();
        return m.startsWith("-1 ") ? m.substring(3) : m;
    }

    /** The placeholder address of the document being transcoded (nothing is ever loaded from it). */
    static final String URI = "file:/duet-export.svg";

    /** Batik's PNG transcoder with a user agent that reports errors by throwing, never by printing stack traces. */
    private static final class QuietPngTranscoder extends PNGTranscoder {
        @Override
        protected UserAgent createUserAgent() {
            return new SVGAbstractTranscoderUserAgent() {
                @Override
                public void displayError(String message) {
                    throw new DuetException("cannot export the drawing as PNG: "
                            + (message == null ? "unknown error" : clean(message)));
                }

                @Override
                public void displayError(Exception e) {
                    throw new DuetException("cannot export the drawing as PNG: " + reason(e));
                }

                @Override
                public void displayMessage(String message) {
                    /* silent */
                }
            };
        }
    }
}
