# The app image for docker compose: built from source with Maven, run on a JRE.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY bpmn bpmn
COPY db db
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/target/jixiao-*.jar /app/jixiao.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/jixiao.jar"]
