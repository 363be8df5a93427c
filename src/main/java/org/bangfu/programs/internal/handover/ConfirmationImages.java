package org.bangfu.programs.internal.handover;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.bangfu.platform.files.FileStore;
import org.bangfu.platform.images.BoundedImages;
import org.bangfu.shared.BangfuException;
import org.springframework.stereotype.Component;

/**
 * The recipient's confirmation of a hand-over (a signature image or a photo) in the
 * {@link FileStore}: JPEG or PNG only, told by the content (not the name or the declared type),
 * at most {@link #MAX_BYTES}; the dimensions are read first and images over {@link #MAX_PIXELS}
 * are refused before anything is decoded; the rest is decoded subsampled (no finer than needed for
 * the stored size), so no more than {@link #DECODE_BUDGET_PIXELS} pixels are ever held, scaled to {@link #MAX_EDGE} on its longer
 * side and stored as JPEG.
 */
@Component
public class ConfirmationImages {

	public static final long MAX_BYTES = 10L * 1024 * 1024;

	static final long MAX_PIXELS = 50_000_000L;

	static final long DECODE_BUDGET_PIXELS = 4L * 1600 * 1600;

	static final int MAX_EDGE = 1600;

	static final Set<String> FORMATS = Set.of("jpeg", "png");

	private final FileStore files;

	ConfirmationImages(FileStore files) {
		this.files = files;
	}

	/** Checks, scales and stores the image; returns its key. Refused on the field {@code confirmation}. */
	public String store(byte[] content) {
		if (content == null || content.length == 0) {
			throw BangfuException.badField("confirmation", "handover.confirmation.required");
		}
		if (content.length > MAX_BYTES) {
			throw BangfuException.badField("confirmation", "handover.confirmation.tooLarge", MAX_BYTES / (1024 * 1024));
		}
		BufferedImage image = decode(content);
		byte[] jpeg = jpeg(scaled(image));
		try {
			return files.store("handovers", new ByteArrayInputStream(jpeg), MAX_BYTES).key();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public Path path(String key) {
		return files.path(key);
	}

	/** Removes a stored image whose hand-over was not recorded after all. */
	public void discard(String key) {
		try {
			files.delete(key);
		}
		catch (IOException | RuntimeException ex) {
			// an orphan file is harmless; the hand-over is what counts
		}
	}

	/**
	 * The subsampling step (1 = every pixel): as coarse as still leaves {@link #MAX_EDGE} on the
	 * longer side, and coarser when needed to stay within the decode budget.
	 */
	static int subsampling(long width, long height) {
		return BoundedImages.subsampling(width, height, MAX_EDGE, DECODE_BUDGET_PIXELS);
	}

	private static BufferedImage decode(byte[] content) {
		return BoundedImages.decode(content, FORMATS, MAX_PIXELS, MAX_EDGE, DECODE_BUDGET_PIXELS, new BoundedImages.Refusals() {

			@Override
			public BangfuException notImage() {
				return BangfuException.badField("confirmation", "handover.confirmation.notImage");
			}

			@Override
			public BangfuException tooManyPixels(long width, long height) {
				return BangfuException.badField("confirmation", "handover.confirmation.tooManyPixels", width + " × " + height);
			}

		});
	}

	private static BufferedImage scaled(BufferedImage image) {
		int w = image.getWidth();
		int h = image.getHeight();
		double scale = Math.min(1.0, (double) MAX_EDGE / Math.max(w, h));
		int tw = Math.max(1, (int) Math.round(w * scale));
		int th = Math.max(1, (int) Math.round(h * scale));
		BufferedImage out = new BufferedImage(tw, th, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = out.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, tw, th);
		g.drawImage(image, 0, 0, tw, th, null);
		g.dispose();
		return out;
	}

	private static byte[] jpeg(BufferedImage image) {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(0.85f);
			writer.setOutput(ios);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			writer.dispose();
		}
		return out.toByteArray();
	}

}
