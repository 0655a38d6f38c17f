# Server image: builds the fat jar, then runs it on a JRE. `docker compose up --build` uses it with PostgreSQL.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -DskipTests package

FROM eclipse-temurin:17-jre
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home-dir /app --shell /usr/sbin/nologin microcytic
WORKDIR /app
COPY --from=build /src/server/target/microcytic-server.jar /tmp/microcytic-server.jar
# Unpacked (application jar + lib/): classes load from plain jars instead of nested ones, which starts faster.
RUN java -Djarmode=tools -jar /tmp/microcytic-server.jar extract --destination /app/server \
    && rm /tmp/microcytic-server.jar \
    && mkdir -p /app/data && chown -R microcytic /app
USER microcytic
EXPOSE 8080
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
HEALTHCHECK --interval=10s --timeout=5s --start-period=120s --retries=5 \
    CMD curl -fsS http://localhost:8080/actuator/health || exit 1
ENTRYPOINT ["java", "-jar", "/app/server/microcytic-server.jar"]
