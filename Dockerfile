# The app image for docker compose: built from source with Maven, run on a JRE as a non-root user.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
# Everything pom.xml packages: src/ (with src/test/resources/fixtures, the demo packages), bpmn/, db/.
COPY src src
COPY bpmn bpmn
COPY db db
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17-jre
# A fixed uid/gid, so that volumes and policies can name it; no login shell, no home to write in.
RUN groupadd --system --gid 10001 jixiao \
    && useradd --system --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin jixiao
WORKDIR /app
COPY --from=build /src/target/jixiao-*.jar /app/jixiao.jar
USER 10001:10001
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/jixiao.jar"]
