package ingest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"
)

// ErrRefused is the cause of fetches refused by the address policy (see
// [CheckAddress]) or of a redirect to a URL that is not http or https;
// test for it with errors.Is. A refused fetch is never retried.
var ErrRefused = errors.New("refused")

// refusal is an error wrapping ErrRefused:
//
//	refused: 127.0.0.1 is a loopback address; allow it with ingest.http_allow
//	refused: intranet.example resolves to 10.0.0.7, a private address; allow it with ingest.http_allow
type refusal struct {
	host string // the host name that resolved to addr, if any
	addr string
	kind string // "a loopback", with its article
	msg  string // the whole reason, for refusals that are not about an address
}

func (e *refusal) Error() string {
	switch {
	case e.msg != "":
		return "refused: " + e.msg
	case e.host != "" && e.host != e.addr:
		return fmt.Sprintf("refused: %s resolves to %s, %s address; allow it with ingest.http_allow", e.host, e.addr, e.kind)
	default:
		return fmt.Sprintf("refused: %s is %s address; allow it with ingest.http_allow", e.addr, e.kind)
	}
}

func (e *refusal) Is(target error) bool { return target == ErrRefused }

// internalRanges are the address ranges refused unless allowed: the
// first range containing an address names its kind.
var internalRanges = []struct {
	prefix netip.Prefix
	kind   string
}{
	{netip.MustParsePrefix("0.0.0.0/8"), "an unspecified"}, // "this network"; 0.0.0.0 reaches the local host
	{netip.MustParsePrefix("::/128"), "an unspecified"},
	{netip.MustParsePrefix("127.0.0.0/8"), "a loopback"},
	{netip.MustParsePrefix("::1/128"), "a loopback"},
	{netip.MustParsePrefix("10.0.0.0/8"), "a private"},
	{netip.MustParsePrefix("172.16.0.0/12"), "a private"},
	{netip.MustParsePrefix("192.168.0.0/16"), "a private"},
	{netip.MustParsePrefix("100.64.0.0/10"), "a shared (carrier-grade NAT)"},
	{netip.MustParsePrefix("169.254.0.0/16"), "a link-local"},
	{netip.MustParsePrefix("fe80::/10"), "a link-local"},
	{netip.MustParsePrefix("fc00::/7"), "a unique local"},
	{netip.MustParsePrefix("224.0.0.0/4"), "a multicast"},
	{netip.MustParsePrefix("ff00::/8"), "a multicast"},
	{netip.MustParsePrefix("255.255.255.255/32"), "a broadcast"},
}

// Prefixes of IPv6 addresses that carry an IPv4 address: NAT64
// (64:ff9b::/96, the IPv4 address in the last 4 bytes) and 6to4
// (2002::/16, in bytes 2 to 5).
var (
	nat64Prefix = netip.MustParsePrefix("64:ff9b::/96")
	sixToFour   = netip.MustParsePrefix("2002::/16")
)

// addrPolicy decides which hosts and addresses may be fetched.
type addrPolicy struct {
	names    []string       // allowed host names, lower case, without a final dot
	prefixes []netip.Prefix // allowed addresses and prefixes
}

// CheckAllowHosts checks the entries of [HTTPOptions.AllowHosts]: each
// must be a host name, an IP address or a CIDR prefix. The error names
// the first bad entry.
func CheckAllowHosts(hosts []string) error {
	_, err := newAddrPolicy(hosts)
	return err
}

func newAddrPolicy(allow []string) (*addrPolicy, error) {
	p := &addrPolicy{}
	for _, raw := range allow {
		e := strings.TrimSpace(raw)
		if strings.HasPrefix(e, "[") && strings.HasSuffix(e, "]") {
			e = e[1 : len(e)-1]
		}
		if pf, err := netip.ParsePrefix(e); err == nil {
			p.prefixes = append(p.prefixes, pf.Masked())
			continue
		}
		if a, err := netip.ParseAddr(e); err == nil && a.Zone() == "" {
			p.prefixes = append(p.prefixes, netip.PrefixFrom(a, a.BitLen()))
			continue
		}
		name := strings.TrimSuffix(strings.ToLower(e), ".")
		if !isHostName(name) {
			return nil, fmt.Errorf("allow-list entry %q: not a host name, an IP address or a CIDR prefix", raw)
		}
		p.names = append(p.names, name)
	}
	return p, nil
}

// isHostName tells whether s is a DNS host name: labels of letters,
// digits, hyphens and underscores, separated by dots.
func isHostName(s string) bool {
	if s == "" || len(s) > 253 {
		return false
	}
	for label := range strings.SplitSeq(s, ".") {
		if label == "" || len(label) > 63 {
			return false
		}
		for _, r := range label {
			if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
				return false
			}
		}
	}
	return true
}

// key identifies the policy, for the cache of clients.
func (p *addrPolicy) key() string {
	parts := slices.Clone(p.names)
	for _, pf := range p.prefixes {
		parts = append(parts, pf.String())
	}
	slices.Sort(parts)
	return strings.Join(slices.Compact(parts), " ")
}

// allowsName tells whether host is an allowed host name.
func (p *addrPolicy) allowsName(host string) bool {
	return slices.Contains(p.names, strings.TrimSuffix(strings.ToLower(host), "."))
}

func (p *addrPolicy) allowsAddr(a netip.Addr) bool {
	for _, pf := range p.prefixes {
		if pf.Contains(a) {
			return true
		}
	}
	return false
}

// checkAddr returns nil when a may be connected to, else a *refusal
// naming the kind of address.
func (p *addrPolicy) checkAddr(a netip.Addr) error {
	a = a.WithZone("")
	cands := []netip.Addr{a}
	if u := a.Unmap(); u != a {
		cands = append(cands, u)
	}
	switch b := a.As16(); {
	case nat64Prefix.Contains(a):
		cands = append(cands, netip.AddrFrom4([4]byte(b[12:16])))
	case sixToFour.Contains(a):
		cands = append(cands, netip.AddrFrom4([4]byte(b[2:6])))
	}
	if slices.ContainsFunc(cands, p.allowsAddr) {
		return nil
	}
	for _, c := range cands {
		for _, r := range internalRanges {
			if r.prefix.Contains(c) {
				return &refusal{addr: a.Unmap().String(), kind: r.kind}
			}
		}
	}
	return nil
}

// CheckAddress reports whether the address addr may be fetched with the
// allow-list allow (as [HTTPOptions.AllowHosts]): unless allowed,
// loopback, private (RFC 1918), shared (carrier-grade NAT, RFC 6598),
// link-local, unique local IPv6, unspecified, multicast and broadcast
// addresses are refused with an error wrapping ErrRefused, IPv4 addresses
// embedded in IPv6 ones (mapped, NAT64, 6to4) included.
func CheckAddress(addr string, allow []string) error {
	p, err := newAddrPolicy(allow)
	if err != nil {
		return err
	}
	a, err := netip.ParseAddr(addr)
	if err != nil {
		return fmt.Errorf("%q: not an IP address", addr)
	}
	return p.checkAddr(a)
}

// checkURL checks a URL about to be requested: its scheme, and its host
// when that is an IP address (a host name is checked on the addresses it
// resolves to, when they are dialled).
func (p *addrPolicy) checkURL(u *url.URL) error {
	if u.Scheme != "http" && u.Scheme != "https" {
		return &refusal{msg: "not an http or https URL"}
	}
	host := u.Hostname()
	if p.allowsName(host) {
		return nil
	}
	if a, err := netip.ParseAddr(host); err == nil {
		return p.checkAddr(a)
	}
	return nil
}

// errTooManyRedirects ends a chain of redirects, as Go's default policy
// does; it is not retried.
var errTooManyRedirects = errors.New("stopped after 10 redirects")

// checkRedirect is the CheckRedirect of the clients: every redirect is
// checked like the first URL.
func (p *addrPolicy) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) >= 10 {
		return errTooManyRedirects
	}
	if err := p.checkURL(req.URL); err != nil {
		return fmt.Errorf("redirect to %s %w", req.URL.Redacted(), err)
	}
	return nil
}

// checkResolved resolves host and checks all its addresses; for requests
// sent through a proxy, which connects to the host itself.
func (p *addrPolicy) checkResolved(ctx context.Context, host string) error {
	if p.allowsName(host) {
		return nil
	}
	if a, err := netip.ParseAddr(host); err == nil {
		return p.checkAddr(a)
	}
	addrs, err := net.DefaultResolver.LookupNetIP(ctx, "ip", host)
	if err != nil {
		return err
	}
	for _, a := range addrs {
		if err := p.checkAddr(a); err != nil {
			err.(*refusal).host = host
			return err
		}
	}
	return nil
}

// dialer is the dialer of the guarded transports, with the settings of
// Go's default transport.
var dialer = &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}

// newGuardedTransport returns a transport like Go's default one (proxy
// from the environment included) that connects only to addresses the
// policy allows. The address is checked when it is dialled, after
// resolution, so that a host name cannot resolve to an internal address
// between a check and the connection (DNS rebinding). A proxy from the
// environment is the user's choice and is connected to whatever its
// address; the target of a request sent through it is resolved and
// checked first.
func newGuardedTransport(p *addrPolicy, proxy func(*http.Request) (*url.URL, error)) *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	var proxies sync.Map // host:port of the proxies in use
	t.Proxy = func(req *http.Request) (*url.URL, error) {
		pu, err := proxy(req)
		if err != nil || pu == nil {
			return pu, err
		}
		if err := p.checkResolved(req.Context(), req.URL.Hostname()); err != nil {
			return nil, err
		}
		proxies.Store(proxyAddr(pu), true)
		return pu, nil
	}
	t.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		host, _, err := net.SplitHostPort(addr)
		if err != nil {
			return nil, err
		}
		if _, ok := proxies.Load(addr); ok || p.allowsName(host) {
			return dialer.DialContext(ctx, network, addr)
		}
		d := *dialer
		d.Control = func(_, address string, _ syscall.RawConn) error {
			ap, err := netip.ParseAddrPort(address)
			if err != nil {
				return &refusal{msg: fmt.Sprintf("%s: not an IP address and port", address)}
			}
			if err := p.checkAddr(ap.Addr()); err != nil {
				err.(*refusal).host = host
				return err
			}
			return nil
		}
		return d.DialContext(ctx, network, addr)
	}
	return t
}

// proxyAddr is the host:port a transport dials for proxy u.
func proxyAddr(u *url.URL) string {
	port := u.Port()
	if port == "" {
		port = map[string]string{"http": "80", "https": "443", "socks5": "1080", "socks5h": "1080"}[u.Scheme]
	}
	return net.JoinHostPort(u.Hostname(), port)
}

// guardedClients caches one client per allow-list, so that connections
// are reused between requests.
var guardedClients struct {
	sync.Mutex
	m map[string]*http.Client
}

// httpClient returns the client and policy of opt. A Client given in
// opt is used as it is, with the policy checked on its redirects (its
// transport's connections are its own affair); otherwise the client
// checks every address it connects to.
func httpClient(opt HTTPOptions) (*http.Client, *addrPolicy, error) {
	p, err := newAddrPolicy(opt.AllowHosts)
	if err != nil {
		return nil, nil, err
	}
	if opt.Client != nil {
		c := *opt.Client
		prev := c.CheckRedirect
		c.CheckRedirect = func(req *http.Request, via []*http.Request) error {
			if err := p.checkRedirect(req, via); err != nil {
				return err
			}
			if prev != nil {
				return prev(req, via)
			}
			return nil
		}
		return &c, p, nil
	}
	k := p.key()
	guardedClients.Lock()
	defer guardedClients.Unlock()
	if c, ok := guardedClients.m[k]; ok {
		return c, p, nil
	}
	if guardedClients.m == nil {
		guardedClients.m = map[string]*http.Client{}
	}
	c := &http.Client{Transport: newGuardedTransport(p, http.ProxyFromEnvironment), CheckRedirect: p.checkRedirect}
	guardedClients.m[k] = c
	return c, p, nil
}
