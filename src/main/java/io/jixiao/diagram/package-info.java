/** The lifecycle as a picture: the deployed BPMN process drawn as SVG from its diagram interchange, the current stage marked. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"report", "workflow"})
package io.jixiao.diagram;
