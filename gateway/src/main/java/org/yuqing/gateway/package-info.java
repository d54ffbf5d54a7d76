/**
 * The single entry of the platform (统一入口): authenticates users, routes every service and the console under one
 * origin. It is the servlet (WebMVC) flavour of Spring Cloud Gateway because the console uses no WebSocket push
 * (Vaadin without Push, or Push over long polling only), so nothing needs the WebSocket proxying that only the
 * WebFlux flavour offers.
 */
package org.yuqing.gateway;
