package localserver

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// writeConfig writes conf/neo4j.conf and conf/apoc.conf for this home. The
// files are regenerated on every start, so a changed port or heap takes
// effect; tuning goes through diplograph's local.* settings.
func (s *Server) writeConfig() error {
	dirs := map[string]string{}
	for _, d := range []string{"data", "logs", "run", "import", "plugins"} {
		dirs[d] = filepath.Join(s.opt.Home, d)
	}
	dirs["plugins"] = filepath.Join(s.opt.Dist, "plugins")
	for _, d := range []string{s.confDir(), dirs["data"], dirs["logs"], dirs["run"], dirs["import"]} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			return fmt.Errorf("localserver: %w", err)
		}
	}
	lines := []string{
		"# Written by diplograph on every `diplograph neo4j start`; edits are overwritten.",
		"# Change ports, heap and page cache with diplograph's local.* settings.",
		"server.default_listen_address=127.0.0.1",
		"server.default_advertised_address=127.0.0.1",
		fmt.Sprintf("server.bolt.listen_address=127.0.0.1:%d", s.opt.BoltPort),
		fmt.Sprintf("server.bolt.advertised_address=127.0.0.1:%d", s.opt.BoltPort),
		"server.bolt.tls_level=DISABLED",
		fmt.Sprintf("server.http.listen_address=127.0.0.1:%d", s.opt.HTTPPort),
		fmt.Sprintf("server.http.advertised_address=127.0.0.1:%d", s.opt.HTTPPort),
		"server.https.enabled=false",
		"server.directories.data=" + dirs["data"],
		"server.directories.logs=" + dirs["logs"],
		"server.directories.run=" + dirs["run"],
		"server.directories.import=" + dirs["import"],
		"server.directories.plugins=" + dirs["plugins"],
		"server.memory.heap.initial_size=" + s.opt.Heap,
		"server.memory.heap.max_size=" + s.opt.Heap,
		"server.memory.pagecache.size=" + s.opt.PageCache,
		"server.jvm.additional=-XX:+UseG1GC",
		"dbms.usage_report.enabled=false",
		"client.allow_telemetry=false",
		"dbms.security.auth_enabled=true",
		"dbms.security.procedures.unrestricted=apoc.*",
		"db.tx_log.rotation.retention_policy=1G size",
		// Bolt's network threads wait this many seconds for new work before
		// they stop (default 5, twice: one wait per thread group), after the
		// databases have stopped: 10 s of every stop spent idle.
		"internal.dbms.bolt.netty_server_shutdown_quiet_period=0",
	}
	if s.opt.TestTuning {
		lines = append(lines, "internal.cypher.expression_engine=INTERPRETED")
	}
	lines = append(lines, "")
	if err := os.WriteFile(filepath.Join(s.confDir(), "neo4j.conf"), []byte(strings.Join(lines, "\n")), 0o600); err != nil {
		return fmt.Errorf("localserver: %w", err)
	}
	apoc := "# Written by diplograph.\napoc.export.file.enabled=false\napoc.import.file.enabled=false\n"
	if err := os.WriteFile(filepath.Join(s.confDir(), "apoc.conf"), []byte(apoc), 0o600); err != nil {
		return fmt.Errorf("localserver: %w", err)
	}
	return nil
}
