# syntax=docker/dockerfile:1
# CoCreation host image. Used by docker-compose.yml; nothing in the repository's own scripts depends on it.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS projects
WORKDIR /src
COPY src/ src/
# Keep only the project files, in their folders: a code change then leaves this stage's output, and with it
# the restore layer of the next stage, unchanged, and no new module has to be listed here.
RUN find src -type f ! -name '*.csproj' -delete && find src -type d -empty -delete

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY NuGet.config Directory.Build.props Directory.Packages.props CoCreation.Modular.sln ./
COPY --from=projects /src/src/ src/
RUN dotnet restore src/Host/CoCreation.Host.csproj

COPY src/ src/
RUN dotnet publish src/Host/CoCreation.Host.csproj -c Release -o /app/publish --no-restore -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app/publish ./

# The host defaults to http://127.0.0.1:5080; inside a container it must listen on all interfaces.
ENV ASPNETCORE_URLS=http://0.0.0.0:5080
EXPOSE 5080
ENTRYPOINT ["dotnet", "CoCreation.Host.dll"]
