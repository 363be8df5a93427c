package org.bangfu.registry;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bangfu.support.Http;

/** A multipart/form-data request with text fields and one file, as a browser or an API client sends it. */
public final class Multipart {

	private final Map<String, String> fields = new LinkedHashMap<>();

	private String fileName;

	private byte[] content;

	public Multipart field(String name, String value) {
		fields.put(name, value);
		return this;
	}

	public Multipart file(String name, byte[] bytes) {
		this.fileName = name;
		this.content = bytes;
		return this;
	}

	public HttpResponse<String> post(Http http, String path) {
		String boundary = "----bangfu" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		fields.forEach((k, v) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k
				+ "\"\r\n\r\n" + v + "\r\n").getBytes(StandardCharsets.UTF_8)));
		if (fileName != null) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
					+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			body.writeBytes(content);
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return http.send(http.request(path)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build());
	}

}
