package ingest

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Defaults of [HTTPOptions].
const (
	DefaultHTTPTimeout  = 20 * time.Second
	DefaultHTTPRetries  = 3
	DefaultHTTPBackoff  = 500 * time.Millisecond
	DefaultHTTPMaxBytes = 5 << 20
	// DefaultFeedBudget bounds the time of a whole feed, its items'
	// pages included.
	DefaultFeedBudget = 5 * time.Minute
	// DefaultFeedConcurrency pages of a feed are fetched at once, at most
	// DefaultFeedPerHost of them from the same host.
	DefaultFeedConcurrency = 4
	DefaultFeedPerHost     = 2
)

// maxBackoff caps the exponential backoff between two attempts.
const maxBackoff = 30 * time.Second

// maxRetryAfter is the longest Retry-After that is honoured. A server
// asking to wait longer is not retried: the fetch fails at once.
const maxRetryAfter = 30 * time.Second

// maxErrorDrain is how much of an error response's body is read (and
// discarded) so that its connection can be reused.
const maxErrorDrain = 64 << 10

// ErrBodyTooLarge is the cause of fetches whose response body is larger
// than [HTTPOptions.MaxBytes]; test for it with errors.Is.
var ErrBodyTooLarge = errors.New("response body too large")

// UserAgent returns the User-Agent header diplograph sends, for the
// given program version: "diplograph/<version> (+https://github.com/diplograph/diplograph)".
func UserAgent(version string) string {
	if version == "" {
		version = "dev"
	}
	return "diplograph/" + version + " (+https://github.com/diplograph/diplograph)"
}

// HTTPOptions controls how feeds and web pages are fetched. The zero value
// is ready to use.
type HTTPOptions struct {
	// Client sends the requests (default: a client like Go's default
	// one, following up to 10 redirects, that refuses to connect to
	// internal addresses unless AllowHosts allows them). A Client given
	// here is used as it is: AllowHosts is checked on the URL and every
	// redirect, but the addresses it connects to are its transport's
	// affair.
	Client *http.Client
	// Timeout limits each attempt, from sending the request to reading
	// the whole body (default DefaultHTTPTimeout).
	Timeout time.Duration
	// Retries is how many times a request is tried again after an error
	// that may go away: a network error (not a host that does not exist,
	// a bad certificate or a refused address or redirect), "408 Request
	// Timeout", "429 Too Many Requests" or a 5xx status (not "501 Not
	// Implemented" nor "505 HTTP Version Not Supported"), so that a
	// request is sent at most Retries+1 times. An attempt that reaches
	// Timeout is retried once at most: a server that slow is seldom
	// faster the third time. Zero means DefaultHTTPRetries; a negative
	// value means no retry. Other statuses, and a body over MaxBytes,
	// are never retried.
	Retries int
	// Backoff is the wait before the first retry; it doubles for each
	// following one (up to 30s), with random jitter of up to half the
	// wait. A Retry-After header of at most 30s replaces it; a longer
	// Retry-After ends the retries. Zero means DefaultHTTPBackoff; a
	// negative value means no wait.
	Backoff time.Duration
	// UserAgent is the User-Agent header (default UserAgent("dev"); the
	// command sets it to UserAgent(its version)).
	UserAgent string
	// MaxBytes is the largest response body accepted; a larger one is an
	// error wrapping ErrBodyTooLarge (default DefaultHTTPMaxBytes, 5 MiB).
	MaxBytes int64
	// AllowHosts lists the host names, IP addresses and CIDR prefixes
	// that may be fetched although they are loopback, private,
	// link-local or otherwise internal addresses (see [CheckAddress]),
	// which are refused by default, for the feed URL given as for its
	// items' links and every redirect: "intranet.example", "10.1.2.3",
	// "10.0.0.0/8". An allowed host name may resolve to any address; any
	// other host is checked on the address it is connected to. See
	// [CheckAllowHosts].
	AllowHosts []string
	// FeedBudget bounds the time a whole feed takes: its own fetch, its
	// items' pages and their retries. Items not read when it runs out
	// fail with an error wrapping ErrFeedBudget (default
	// DefaultFeedBudget; a negative value means no bound).
	FeedBudget time.Duration
	// Concurrency is how many pages of one feed are fetched at once
	// (default DefaultFeedConcurrency; 1 fetches them one by one).
	Concurrency int
	// PerHost is how many of them may go to the same host name at once
	// (default DefaultFeedPerHost, never more than Concurrency).
	PerHost int
}

func (o HTTPOptions) withDefaults() HTTPOptions {
	if o.Timeout <= 0 {
		o.Timeout = DefaultHTTPTimeout
	}
	switch {
	case o.Retries == 0:
		o.Retries = DefaultHTTPRetries
	case o.Retries < 0:
		o.Retries = 0
	}
	switch {
	case o.Backoff == 0:
		o.Backoff = DefaultHTTPBackoff
	case o.Backoff < 0:
		o.Backoff = 0
	}
	if o.UserAgent == "" {
		o.UserAgent = UserAgent("")
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultHTTPMaxBytes
	}
	if o.FeedBudget == 0 {
		o.FeedBudget = DefaultFeedBudget
	}
	if o.Concurrency <= 0 {
		o.Concurrency = DefaultFeedConcurrency
	}
	if o.PerHost <= 0 {
		o.PerHost = DefaultFeedPerHost
	}
	o.PerHost = min(o.PerHost, o.Concurrency)
	return o
}

// Conditional holds the validators of a response read earlier. When set,
// they are sent as If-None-Match and If-Modified-Since, and a "304 Not
// Modified" answer means the resource has not changed.
type Conditional struct {
	ETag         string
	LastModified string
}

// FetchError is the error of a fetch that failed. Its message names the
// URL and the status or network error, and the number of attempts when
// there were several:
//
//	fetch https://example.org/feed: 500 Internal Server Error after 4 attempts
type FetchError struct {
	URL        string
	StatusCode int           // HTTP status of the last attempt; 0 if it got none
	Status     string        // e.g. "500 Internal Server Error"
	Attempts   int           // requests sent
	RetryAfter time.Duration // a Retry-After too long to be honoured, else 0
	Err        error         // network error or other cause; nil for a bad status
}

func (e *FetchError) Error() string {
	var b strings.Builder
	b.WriteString("fetch ")
	b.WriteString(e.URL)
	b.WriteString(": ")
	switch {
	case e.Err != nil:
		b.WriteString(e.Err.Error())
	case e.Status != "":
		b.WriteString(e.Status)
	default:
		b.WriteString("status " + strconv.Itoa(e.StatusCode))
	}
	if e.Attempts > 1 {
		fmt.Fprintf(&b, " after %d attempts", e.Attempts)
	}
	if e.RetryAfter > 0 {
		fmt.Fprintf(&b, " (server asks to retry after %v)", e.RetryAfter)
	}
	return b.String()
}

// Unwrap returns the underlying cause, if any.
func (e *FetchError) Unwrap() error { return e.Err }

// fetchMeta describes the response of a successful fetch.
type fetchMeta struct {
	URL          string // final URL, after redirects
	StatusCode   int
	ContentType  string
	ETag         string
	LastModified string
	Attempts     int
}

// attemptResult is the outcome of one request.
type attemptResult struct {
	body        []byte
	meta        fetchMeta
	notModified bool
	err         error         // nil on success
	status      string        // status line of a failed response
	statusCode  int           // status of a failed response
	retry       bool          // whether err may go away when tried again
	timeout     bool          // whether the attempt reached opt.Timeout
	retryAfter  time.Duration // Retry-After of the response, -1 if none
}

// fetch GETs rawURL with retries as described by [HTTPOptions]. accept is
// the Accept header. With cond, the request is conditional and a 304
// answer returns notModified = true and no body. The error is a
// *FetchError.
func fetch(ctx context.Context, rawURL string, opt HTTPOptions, cond *Conditional, accept string) (body []byte, meta fetchMeta, notModified bool, err error) {
	opt = opt.withDefaults()
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, meta, false, &FetchError{URL: rawURL, Err: unwrapURLError(err)}
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return nil, meta, false, &FetchError{URL: rawURL, Err: errors.New("not an http or https URL")}
	}
	client, policy, err := httpClient(opt)
	if err != nil {
		return nil, meta, false, &FetchError{URL: rawURL, Err: err}
	}
	if err := policy.checkURL(u); err != nil {
		return nil, meta, false, &FetchError{URL: rawURL, Err: err}
	}
	timeouts := 0
	for attempt := 1; ; attempt++ {
		r := fetchOnce(ctx, client, rawURL, opt, cond, accept)
		if r.err == nil {
			r.meta.Attempts = attempt
			return r.body, r.meta, r.notModified, nil
		}
		fe := &FetchError{URL: rawURL, StatusCode: r.statusCode, Status: r.status, Attempts: attempt}
		if r.statusCode == 0 || !errors.Is(r.err, errStatus) {
			fe.Err = r.err
		}
		if ctx.Err() != nil {
			fe.Err = context.Cause(ctx)
			fe.StatusCode, fe.Status = 0, ""
			return nil, meta, false, fe
		}
		if r.timeout {
			timeouts++
		}
		if !r.retry || attempt > opt.Retries || timeouts > 1 {
			return nil, meta, false, fe
		}
		wait := backoff(opt.Backoff, attempt)
		if r.retryAfter >= 0 {
			if r.retryAfter > maxRetryAfter {
				fe.RetryAfter = r.retryAfter
				return nil, meta, false, fe
			}
			wait = r.retryAfter
		}
		if err := sleep(ctx, wait); err != nil {
			fe.Err = err
			fe.StatusCode, fe.Status = 0, ""
			return nil, meta, false, fe
		}
	}
}

// errStatus marks attempt errors that are only a bad HTTP status.
var errStatus = errors.New("bad status")

func fetchOnce(ctx context.Context, client *http.Client, rawURL string, opt HTTPOptions, cond *Conditional, accept string) attemptResult {
	r := attemptResult{retryAfter: -1}
	actx, cancel := context.WithTimeout(ctx, opt.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(actx, http.MethodGet, rawURL, nil)
	if err != nil {
		r.err = unwrapURLError(err)
		return r
	}
	req.Header.Set("User-Agent", opt.UserAgent)
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	if cond != nil {
		if cond.ETag != "" {
			req.Header.Set("If-None-Match", cond.ETag)
		}
		if cond.LastModified != "" {
			req.Header.Set("If-Modified-Since", cond.LastModified)
		}
	}
	resp, err := client.Do(req)
	if err != nil {
		r.err, r.retry, r.timeout = attemptError(ctx, actx, opt, err)
		return r
	}
	defer resp.Body.Close()

	switch {
	case resp.StatusCode == http.StatusNotModified && cond != nil:
		r.notModified = true
		r.meta = responseMeta(rawURL, resp)
		return r
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, maxErrorDrain))
		r.err, r.status, r.statusCode = errStatus, resp.Status, resp.StatusCode
		code := resp.StatusCode
		r.retry = code == http.StatusRequestTimeout || code == http.StatusTooManyRequests ||
			code >= 500 && code != http.StatusNotImplemented && code != http.StatusHTTPVersionNotSupported
		if d, ok := parseRetryAfter(resp.Header.Get("Retry-After"), time.Now()); ok {
			r.retryAfter = d
		}
		return r
	}
	if resp.ContentLength > opt.MaxBytes {
		r.err = fmt.Errorf("%w: %d bytes, more than %d", ErrBodyTooLarge, resp.ContentLength, opt.MaxBytes)
		return r
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, opt.MaxBytes+1))
	if err != nil {
		r.err, r.retry, r.timeout = attemptError(ctx, actx, opt, err)
		return r
	}
	if int64(len(body)) > opt.MaxBytes {
		r.err = fmt.Errorf("%w: more than %d bytes", ErrBodyTooLarge, opt.MaxBytes)
		return r
	}
	r.body = body
	r.meta = responseMeta(rawURL, resp)
	return r
}

func responseMeta(rawURL string, resp *http.Response) fetchMeta {
	m := fetchMeta{
		URL:          rawURL,
		StatusCode:   resp.StatusCode,
		ContentType:  resp.Header.Get("Content-Type"),
		ETag:         resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"),
	}
	if resp.Request != nil && resp.Request.URL != nil {
		m.URL = resp.Request.URL.String()
	}
	return m
}

// attemptError describes the network error of an attempt: the timeout of
// the attempt is named as such, a refusal is given alone, and the
// *url.Error wrapper, which repeats the URL, is dropped. retry tells
// whether the error may go away when tried again, timeout whether it is
// the timeout of the attempt.
func attemptError(ctx, actx context.Context, opt HTTPOptions, err error) (_ error, retry, timeout bool) {
	if ctx.Err() == nil && actx.Err() != nil {
		return fmt.Errorf("no complete response within %v: %w", opt.Timeout, context.DeadlineExceeded), true, true
	}
	err = unwrapURLError(err)
	var op *net.OpError
	var ref *refusal
	if errors.As(err, &op) && errors.As(op.Err, &ref) {
		return ref, false, false // "dial tcp 127.0.0.1:80: " adds nothing
	}
	return err, transient(err), false
}

// transient tells whether a network error may go away when the request
// is sent again: not a refusal, a redirect loop, a host name that does
// not exist or a certificate or TLS error.
func transient(err error) bool {
	var (
		dnsErr  *net.DNSError
		verify  *tls.CertificateVerificationError
		unknown x509.UnknownAuthorityError
		name    x509.HostnameError
		invalid x509.CertificateInvalidError
		record  tls.RecordHeaderError
	)
	switch {
	case errors.Is(err, ErrRefused), errors.Is(err, errTooManyRedirects):
		return false
	case errors.As(err, &dnsErr):
		return !dnsErr.IsNotFound
	case errors.As(err, &verify), errors.As(err, &unknown), errors.As(err, &name),
		errors.As(err, &invalid), errors.As(err, &record):
		return false
	}
	return true
}

func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// backoff returns the wait before retry number attempt (1 for the first
// retry): base doubled attempt-1 times, capped, minus a random jitter of
// up to half of it.
func backoff(base time.Duration, attempt int) time.Duration {
	if base <= 0 {
		return 0
	}
	d := base
	for i := 1; i < attempt && d < maxBackoff; i++ {
		d *= 2
	}
	d = min(d, maxBackoff)
	half := d / 2
	return d - half + rand.N(half+1)
}

// parseRetryAfter parses a Retry-After header: delay seconds or an HTTP
// date.
func parseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		if n < 0 {
			return 0, false
		}
		if n > int64(24*time.Hour/time.Second) {
			n = int64(24 * time.Hour / time.Second)
		}
		return time.Duration(n) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}

// sleep waits for d or until ctx ends, whichever comes first.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return context.Cause(ctx)
	}
}
