/** The PolicyHub HTTP server: Google Organization Policy v2 and Resource Manager v3 over Javalin. */
module dev.policyhub.http {
    requires transitive dev.policyhub.core;
    requires io.javalin;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    requires org.eclipse.jetty.server;
    requires org.eclipse.jetty.http;
    requires org.eclipse.jetty.ee10.servlet;
    requires java.net.http;

    uses dev.policyhub.core.spi.StorageProvider;

    exports dev.policyhub.http;
}
