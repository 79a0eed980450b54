# The portal: built with the .NET SDK, run on the ASP.NET runtime as a non-root user.
#   docker build --build-arg SOURCE_COMMIT=$(git rev-parse --short=12 HEAD) -t data-portal .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG SOURCE_COMMIT=unknown
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
RUN dotnet publish src/DataPlatform.Web -c Release -o /app -p:SourceRevisionId=${SOURCE_COMMIT}

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# The content is baked in; mount a volume over /app/content (or set Content__Root) to serve another folder.
COPY content /app/content
ENV ASPNETCORE_HTTP_PORTS=8080 \
    Content__Root=/app/content \
    Submissions__SpoolDirectory=/var/lib/portal/spool \
    DOTNET_hostBuilder__reloadConfigOnChange=false
# The only places the portal writes: the submission spool (with the local copy of the Data Protection keys
# beside it) and /tmp. Everything else can be mounted read-only.
RUN mkdir -p /var/lib/portal/spool && chown -R $APP_UID /var/lib/portal
VOLUME /var/lib/portal
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "DataPlatform.Web.dll"]
