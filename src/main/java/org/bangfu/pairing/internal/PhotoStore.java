package org.bangfu.pairing.internal;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.bangfu.platform.files.FileStore;
import org.bangfu.platform.images.BoundedImages;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Problem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Visit photos and signed pages in the {@link FileStore}. A photo's type is read from
 * its content (JPEG, PNG, GIF, BMP — the name and the declared type are not trusted), it is
 * scaled down to {@code bangfu.visits.photo-max-edge} (1600 px) on its longer side and stored
 * as JPEG.
 * <p>
 * Decoding keeps to a memory budget: the reader gives the dimensions first, an image of more than
 * {@link #MAX_PIXELS} is refused, and a larger one than needed is subsampled while it is decoded
 * (every n-th pixel of every n-th row), so a small file that unpacks to a huge picture never
 * lands whole in memory. At most {@code bangfu.visits.photo-decoders} (2) photos are decoded at
 * once; another waits up to 20 seconds and is then told to try again.
 */
@Component
public class PhotoStore {

	static final Set<String> IMAGE_FORMATS = Set.of("jpeg", "png", "gif", "bmp");

	static final long MAX_PIXELS = 60_000_000L;

	private final FileStore files;

	private final int maxEdge;

	private final long maxPhotoBytes;

	private final long maxPageBytes;

	private final Semaphore decoders;

	PhotoStore(FileStore files, @Value("${bangfu.visits.photo-max-edge:1600}") int maxEdge,
			@Value("${bangfu.visits.max-photo-size:20MB}") DataSize maxPhoto,
			@Value("${bangfu.pairing.max-signed-page-size:20MB}") DataSize maxPage,
			@Value("${bangfu.visits.photo-decoders:2}") int decoders) {
		this.decoders = new Semaphore(Math.max(1, decoders), true);
		this.files = files;
		this.maxEdge = maxEdge;
		this.maxPhotoBytes = maxPhoto.toBytes();
		this.maxPageBytes = maxPage.toBytes();
	}

	/** The largest photo accepted, in bytes ({@code bangfu.visits.max-photo-size}). */
	public long maxPhotoBytes() {
		return maxPhotoBytes;
	}

	/** The largest signed page accepted, in bytes ({@code bangfu.pairing.max-signed-page-size}). */
	public long maxPageBytes() {
		return maxPageBytes;
	}

	private static void cap(byte[] content, long max, String field) {
		if (content != null && content.length > max) {
			throw BangfuException.badField(field, "file.tooLarge", max / (1024 * 1024));
		}
	}

	public record Stored(String path, String contentType, int width, int height, long bytes) {
	}

	/** Checks, scales and stores an image; fails on the field when the content is not an image. */
	public Stored storePhoto(byte[] content, String field) {
		cap(content, maxPhotoBytes, field);
		BufferedImage image = decodeWithinBudget(content, field);
		int w = image.getWidth();
		int h = image.getHeight();
		double scale = Math.min(1.0, (double) maxEdge / Math.max(w, h));
		int tw = Math.max(1, (int) Math.round(w * scale));
		int th = Math.max(1, (int) Math.round(h * scale));
		BufferedImage out = new BufferedImage(tw, th, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = out.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
		g.setColor(java.awt.Color.WHITE);
		g.fillRect(0, 0, tw, th);
		g.drawImage(image, 0, 0, tw, th, null);
		g.dispose();
		try {
			ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
			ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(0.85f);
			try (ImageOutputStream ios = ImageIO.createImageOutputStream(jpeg)) {
				writer.setOutput(ios);
				writer.write(null, new IIOImage(out, null, null), param);
			}
			finally {
				writer.dispose();
			}
			FileStore.StoredFile stored = files.store("visits", new ByteArrayInputStream(jpeg.toByteArray()), Long.MAX_VALUE);
			return new Stored(stored.key(), "image/jpeg", tw, th, stored.size());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** Stores a signed page as it is: a PDF or an image (checked by content). */
	public Stored storeDocument(byte[] content, String field) {
		cap(content, maxPageBytes, field);
		String type;
		String ext;
		if (content.length > 5 && new String(content, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1).equals("%PDF-")) {
			type = "application/pdf";
			ext = ".pdf";
		}
		else {
			Stored photo = storePhoto(content, field);
			return photo;
		}
		try {
			FileStore.StoredFile stored = files.store("agreements", new ByteArrayInputStream(content), Long.MAX_VALUE);
			return new Stored(stored.key(), type, 0, 0, stored.size());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** The stored file of a key this store returned. */
	public Path resolve(String key) {
		return files.path(key);
	}

	private BufferedImage decodeWithinBudget(byte[] content, String field) {
		try {
			if (!decoders.tryAcquire(20, TimeUnit.SECONDS)) {
				throw new BangfuException(Problem.BUSY, "visit.photo.busy");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BangfuException(Problem.BUSY, "visit.photo.busy");
		}
		try {
			return read(content, field, maxEdge);
		}
		finally {
			decoders.release();
		}
	}

	/** Every n-th pixel so that the decoded picture is still at least {@code edge} on its longer side. */
	static int subsampling(int width, int height, int edge) {
		return BoundedImages.subsampling(width, height, edge, Long.MAX_VALUE);
	}

	private static BufferedImage read(byte[] content, String field, int edge) {
		return BoundedImages.decode(content, IMAGE_FORMATS, MAX_PIXELS, edge, Long.MAX_VALUE, new BoundedImages.Refusals() {

			@Override
			public BangfuException notImage() {
				return BangfuException.badField(field, "visit.photo.notImage");
			}

			@Override
			public BangfuException tooManyPixels(long width, long height) {
				return BangfuException.badField(field, "visit.photo.tooManyPixels", (int) width, (int) height, MAX_PIXELS / 1_000_000);
			}

		});
	}

}
