package org.yuqing.gateway.protection;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API request bodies over the configured size with 413 before anything is proxied ({@code multipart/*}
 * uploads have a limit of their own). A declared
 * {@code Content-Length} is checked up front; a chunked body is counted while it is proxied and the proxying is
 * cut off as soon as it passes the limit, and the route answers 413 instead of 502 when
 * {@link #exceeded(HttpServletRequest)} says so.
 */
public final class BodySizeLimit extends OncePerRequestFilter {

    /** Request attribute set when a chunked body passed the limit while being read. */
    private static final String EXCEEDED = BodySizeLimit.class.getName() + ".exceeded";

    static final String DETAIL = "请求体过大：超过了允许的大小。";

    private final long maxBytes;
    private final long maxUploadBytes;
    private final Problems problems;

    BodySizeLimit(long maxBytes, long maxUploadBytes, Problems problems) {
        this.maxBytes = maxBytes;
        this.maxUploadBytes = maxUploadBytes;
        this.problems = problems;
    }

    /**
     * Whether the request's body of unknown length passed the limit while being proxied.
     *
     * @param request the request
     * @return true when the proxying was cut off for the limit
     */
    public static boolean exceeded(HttpServletRequest request) {
        return request.getAttribute(EXCEEDED) instanceof AtomicBoolean flag && flag.get();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // File uploads (imports, attachments) get their own, larger limit; every other body the API limit.
        String type = request.getContentType();
        long limit = type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")
                ? maxUploadBytes : maxBytes;
        if (request.getContentLengthLong() > limit) {
            problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, DETAIL);
            return;
        }
        chain.doFilter(request.getContentLengthLong() >= 0 ? request : new Counted(request, limit), response);
    }

    /** Counts what is read of a body of unknown length and fails the read past the limit. */
    private static final class Counted extends HttpServletRequestWrapper {

        private final long maxBytes;
        private final AtomicBoolean exceeded = new AtomicBoolean();
        private ServletInputStream stream;

        Counted(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
            // A flag object, set now on the container's thread: the proxy may read the body on another thread.
            request.setAttribute(EXCEEDED, exceeded);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long count;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            add(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        if (n > 0) {
                            add(n);
                        }
                        return n;
                    }

                    private void add(long n) throws IOException {
                        count += n;
                        if (count > maxBytes) {
                            exceeded.set(true);
                            throw new IOException("request body over the limit");
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
