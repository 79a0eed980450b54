# Build with the SDK, run on the ASP.NET runtime as a non-root user.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/DataPlatform.Web -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# The content is baked in; mount a volume over /app/content to serve another folder.
COPY content /app/content
ENV ASPNETCORE_HTTP_PORTS=8080 \
    Content__Root=/app/content
EXPOSE 8080
USER app
ENTRYPOINT ["dotnet", "DataPlatform.Web.dll"]
