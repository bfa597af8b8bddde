package graph

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"
)

// Config says how to reach a Neo4j server.
type Config struct {
	URI      string // bolt://, neo4j://, neo4j+s:// ...
	User     string
	Password string
	Database string // "" = the server's default database
	// ConnectTimeout bounds the first connectivity check (default 30s).
	ConnectTimeout time.Duration
	// MaxRetryTime bounds how long a transaction is retried on transient
	// errors and lost connections (default 30s).
	MaxRetryTime time.Duration
	// EventWindow is the event window in days (the setting
	// alliance.event_window): a day-precise report joins the event before
	// it when at most this many days after its latest date. 0 means the
	// default, 1; SameDayOnly (a negative value) means 0, the same day
	// only. Writes to a graph whose events were formed with another window
	// are refused (ErrEventWindow).
	EventWindow int
}

// SameDayOnly is the Config.EventWindow of the setting 0: reports join
// an event only on its days.
const SameDayOnly = -1

// DefaultEventWindow is the event window when the configuration gives none.
const DefaultEventWindow = 1

// eventWindow is the window in days that a Config.EventWindow means.
func eventWindow(w int) int {
	switch {
	case w == 0:
		return DefaultEventWindow
	case w < 0:
		return 0
	}
	return w
}

// Errors the command line maps to exit codes.
var (
	// ErrUnavailable: the server could not be reached.
	ErrUnavailable = errors.New("neo4j unavailable")
	// ErrAuth: the server refused the credentials.
	ErrAuth = errors.New("neo4j authentication failed")
	// ErrSchemaNewer: a newer diplograph has migrated the graph; upgrade.
	ErrSchemaNewer = errors.New("upgrade diplograph")
	// ErrCredentialsInURI: the URI holds a user or password
	// (bolt://user:password@host), which Open refuses: a password there
	// would show wherever the URI is printed, and the driver ignores it.
	ErrCredentialsInURI = errors.New("credentials in the URI are not used: give them as Config.User and Config.Password")
)

// RedactURI is uri with the password of its user information replaced by
// xxxxx (bolt://neo4j:xxxxx@host:7687), for messages. It works on any text,
// valid URL or not: user information ends at the last @ before the path
// or, when the password itself holds a / ? or #, at the last @ of all.
func RedactURI(uri string) string {
	scheme, rest, ok := strings.Cut(uri, "://")
	if !ok {
		return uri
	}
	info, after, ok := splitUserinfo(rest)
	if !ok {
		return uri
	}
	user, _, hasPassword := strings.Cut(info, ":")
	if !hasPassword {
		return uri
	}
	return scheme + "://" + user + ":xxxxx" + after
}

// splitUserinfo splits what follows "scheme://" into the user information
// and the rest from its @ on; ok is false when there is none.
func splitUserinfo(rest string) (info, after string, ok bool) {
	end := strings.IndexAny(rest, "/?#")
	if end < 0 {
		end = len(rest)
	}
	at := strings.LastIndex(rest[:end], "@")
	if at < 0 {
		// A password with a reserved character cuts the authority short.
		at = strings.LastIndex(rest, "@")
		if at < 0 || !strings.Contains(rest[:at], ":") {
			return "", "", false
		}
	}
	return rest[:at], rest[at:], true
}

// HasCredentials reports whether uri carries a user or password
// (bolt://user:password@host), which Open refuses.
func HasCredentials(uri string) bool {
	_, rest, ok := strings.Cut(uri, "://")
	if !ok {
		return false
	}
	_, _, ok = splitUserinfo(rest)
	return ok
}

// Client is a connection pool to one database.
type Client struct {
	driver   neo4j.DriverWithContext
	database string
	uri      string
	window   int // event window in days
}

// Open connects and verifies that the server answers.
func Open(ctx context.Context, cfg Config) (*Client, error) {
	if cfg.URI == "" {
		return nil, errors.New("graph: no Neo4j URI")
	}
	shown := RedactURI(cfg.URI)
	if HasCredentials(cfg.URI) {
		return nil, fmt.Errorf("graph: %s: %w", shown, ErrCredentialsInURI)
	}
	if cfg.ConnectTimeout == 0 {
		cfg.ConnectTimeout = 30 * time.Second
	}
	if cfg.MaxRetryTime == 0 {
		cfg.MaxRetryTime = 30 * time.Second
	}
	driver, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.User, cfg.Password, ""),
		func(c *config.Config) {
			c.SocketConnectTimeout = 5 * time.Second
			c.MaxTransactionRetryTime = cfg.MaxRetryTime
			c.UserAgent = "diplograph"
		})
	if err != nil {
		return nil, fmt.Errorf("graph: %s: %w", shown, err)
	}
	vctx, cancel := context.WithTimeout(ctx, cfg.ConnectTimeout)
	defer cancel()
	if err := driver.VerifyConnectivity(vctx); err != nil {
		_ = driver.Close(context.Background())
		return nil, classify(shown, err)
	}
	return &Client{driver: driver, database: cfg.Database, uri: shown, window: eventWindow(cfg.EventWindow)}, nil
}

// classify wraps a driver error in ErrAuth or ErrUnavailable where it is
// one. After retries the driver reports a TransactionExecutionLimit whose
// last attempt holds the real cause, so that is looked at too. The URI is
// shown redacted.
func classify(uri string, err error) error {
	uri = RedactURI(uri)
	cause := err
	var limit *neo4j.TransactionExecutionLimit
	if errors.As(err, &limit) && len(limit.Errors) > 0 {
		cause = limit.Errors[len(limit.Errors)-1]
	}
	var nerr *neo4j.Neo4jError
	if errors.As(cause, &nerr) && strings.HasPrefix(nerr.Code, "Neo.ClientError.Security") {
		return fmt.Errorf("graph: %s: %w (%s): check neo4j.user and the password", uri, ErrAuth, nerr.Code)
	}
	var cerr *neo4j.ConnectivityError
	if errors.As(cause, &cerr) || errors.Is(cause, context.DeadlineExceeded) ||
		(errors.As(cause, &nerr) && strings.HasPrefix(nerr.Code, "Neo.TransientError.General.DatabaseUnavailable")) {
		return fmt.Errorf("graph: %s: %w: %v", uri, ErrUnavailable, err)
	}
	return fmt.Errorf("graph: %s: %w", uri, err)
}

// Close releases the connections.
func (c *Client) Close(ctx context.Context) error { return c.driver.Close(ctx) }

// EventWindow is the event window in days this client writes with.
func (c *Client) EventWindow() int { return c.window }

// URI is the address the client connects to (it never holds a password:
// Open refuses credentials in the URI).
func (c *Client) URI() string { return c.uri }

func (c *Client) session(ctx context.Context, mode neo4j.AccessMode) neo4j.SessionWithContext {
	return c.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: c.database, AccessMode: mode})
}

// Read runs st in a managed read transaction and returns its records.
func (c *Client) Read(ctx context.Context, st Statement, params map[string]any) ([]*neo4j.Record, error) {
	return c.records(ctx, neo4j.AccessModeRead, st, params)
}

// records runs st in a managed transaction of the given mode (retried on
// transient errors) and collects its records.
func (c *Client) records(ctx context.Context, mode neo4j.AccessMode, st Statement, params map[string]any) ([]*neo4j.Record, error) {
	s := c.session(ctx, mode)
	defer s.Close(ctx)
	work := func(tx neo4j.ManagedTransaction) ([]*neo4j.Record, error) {
		res, err := tx.Run(ctx, st.Text, params)
		if err != nil {
			return nil, err
		}
		return res.Collect(ctx)
	}
	var recs []*neo4j.Record
	var err error
	if mode == neo4j.AccessModeWrite {
		recs, err = neo4j.ExecuteWrite(ctx, s, work)
	} else {
		recs, err = neo4j.ExecuteRead(ctx, s, work)
	}
	if err != nil {
		return nil, fmt.Errorf("graph: %s: %w", st.Name, classify(c.uri, err))
	}
	return recs, nil
}

// Write runs st in a managed write transaction (retried on transient errors).
func (c *Client) Write(ctx context.Context, st Statement, params map[string]any) error {
	s := c.session(ctx, neo4j.AccessModeWrite)
	defer s.Close(ctx)
	_, err := s.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		res, err := tx.Run(ctx, st.Text, params)
		if err != nil {
			return nil, err
		}
		_, err = res.Consume(ctx)
		return nil, err
	})
	if err != nil {
		return fmt.Errorf("graph: %s: %w", st.Name, classify(c.uri, err))
	}
	return nil
}

// Exec runs st outside an explicit transaction, as schema commands
// and procedures that manage their own transactions require.
func (c *Client) Exec(ctx context.Context, st Statement, params map[string]any) error {
	s := c.session(ctx, neo4j.AccessModeWrite)
	defer s.Close(ctx)
	res, err := s.Run(ctx, st.Text, params)
	if err == nil {
		_, err = res.Consume(ctx)
	}
	if err != nil {
		return fmt.Errorf("graph: %s: %w", st.Name, classify(c.uri, err))
	}
	return nil
}

// ServerInfo describes the server a client is connected to.
type ServerInfo struct{ Name, Version, Edition string }

// Server returns the server's name, version and edition.
func (c *Client) Server(ctx context.Context) (ServerInfo, error) {
	recs, err := c.Read(ctx, stServerInfo, nil)
	if err != nil || len(recs) == 0 {
		return ServerInfo{}, err
	}
	m := recs[0].AsMap()
	str := func(k string) string { s, _ := m[k].(string); return s }
	return ServerInfo{Name: str("name"), Version: str("version"), Edition: str("edition")}, nil
}

var (
	stServerInfo       = mustStatement("server_info")
	stSchemaVersion    = mustStatement("schema_version")
	stSchemaVersionSet = mustStatement("schema_version_set")
	stAwaitIndexes     = mustStatement("await_indexes")
)
