package dev.parley.bench;

import dev.parley.host.ParleyHost;
import dev.parley.host.web.HostApplication;

/** The host's application plus one trivial page, the baseline of the HTTP scenario. */
final class BenchApplication extends HostApplication {

    static final String TRIVIAL = "/bench/trivial";

    BenchApplication(ParleyHost host) {
        super(host);
    }

    @Override
    protected void init() {
        super.init();
        mountPage(TRIVIAL, StartProbe.TrivialPage.class);
    }
}
