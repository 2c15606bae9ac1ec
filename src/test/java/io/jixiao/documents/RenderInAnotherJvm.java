package io.jixiao.documents;

/** Renders one seed fixture's documents and prints their SHA-256, for {@link DocumentsRobustnessTest}'s second JVM. */
public final class RenderInAnotherJvm {

  private RenderInAnotherJvm() {}

  public static void main(String[] args) {
    PublishedDocument d = DocumentFixtures.byName(args[0]).document();
    System.out.println("pdf " + DocumentFixtures.sha256(new PackagePdf().render(d)));
    System.out.println("xlsx " + DocumentFixtures.sha256(new PackageWorkbook().render(d)));
  }
}
